// The one registry of components a lesson may use. Add a component with an import and an entry.
import type { ComponentType } from "react";
import { CollapseExample } from "../lesson/collapse-example";
import { Fact, Value } from "../lesson/fact";
import { StaticMath } from "../lesson/static-math";
// The lessons' interactive components, code-split so each page loads only the ones it uses.
import { ActivationCalculator, DeadUnitDemo, DepthGradientCalculator, FunctionPlot, LayerCollapseDemo, LinearityTester } from "../lesson/lazy-client";
import { LinearRegionsFigure } from "../plots/linear-regions-figure";
import { PlaygroundWithFigures } from "../playground/playground-with-figures";
import { Quiz } from "../quiz/quiz";

// MDX passes arbitrary props from the lesson source; each component validates its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const mdxComponents: Record<string, ComponentType<any>> = {
  ActivationCalculator,
  CollapseExample,
  DeadUnitDemo,
  DepthGradientCalculator,
  Fact,
  FunctionPlot,
  LayerCollapseDemo,
  LinearityTester,
  LinearRegionsFigure,
  Playground: PlaygroundWithFigures,
  Quiz,
  StaticMath,
  Value,
};
