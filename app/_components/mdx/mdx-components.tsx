// The one registry of components a lesson may use. Add a component with an import and an entry.
import type { ComponentType } from "react";
import { ActivationCalculator } from "../calculators/activation-calculator";

// MDX passes arbitrary props from the lesson source; each component validates its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const mdxComponents: Record<string, ComponentType<any>> = {
  ActivationCalculator,
};
