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
import { HydrateLater } from "../lesson/hydrate-later";

/** An interactive component that hydrates after the page's first pass (see lesson/hydrate-later). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function later(Component: ComponentType<any>, name: string): ComponentType<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Later = (props: any) => (
    <HydrateLater>
      <Component {...props} />
    </HydrateLater>
  );
  Later.displayName = `Later(${name})`;
  return Later;
}

// MDX passes arbitrary props from the lesson source; each component validates its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const mdxComponents: Record<string, ComponentType<any>> = {
  ActivationCalculator: later(ActivationCalculator, "ActivationCalculator"),
  CollapseExample,
  DeadUnitDemo: later(DeadUnitDemo, "DeadUnitDemo"),
  DepthGradientCalculator: later(DepthGradientCalculator, "DepthGradientCalculator"),
  Fact,
  FunctionPlot: later(FunctionPlot, "FunctionPlot"),
  LayerCollapseDemo: later(LayerCollapseDemo, "LayerCollapseDemo"),
  LinearityTester: later(LinearityTester, "LinearityTester"),
  LinearRegionsFigure,
  Playground: later(PlaygroundWithFigures, "Playground"),
  Quiz: later(Quiz, "Quiz"),
  StaticMath,
  Value,
};
