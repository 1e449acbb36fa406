// The lesson's <Playground>: a server component that computes the untrained network's figures (compiled
// kernels, at build time for static lessons) and hands them to the client playground, so hydrating it
// computes nothing; its worker draws the first decision map (docs/decisions/064).
import type { ComponentProps } from "react";
import { Playground } from "./lazy";
import { PRESETS, resolvePreset } from "./playground-state";
import { untrainedFigures } from "./session";

type Props = Omit<ComponentProps<typeof Playground>, "initial">;

export function PlaygroundWithFigures(props: Props) {
  const figures = untrainedFigures(PRESETS[resolvePreset(props.preset)].config);
  return <Playground {...props} initial={figures} />;
}
