"use client";
// The lessons' interactive components, each in its own chunk: a lesson page downloads and hydrates only the
// components it renders. Imported directly into the MDX registry, every client component would ship on every
// lesson (Next bundles all client references of a route's server graph). SSR stays on, so the server HTML —
// and the page with JavaScript off — is unchanged; each component hydrates behind its own Suspense boundary.
import dynamic from "next/dynamic";

export const ActivationCalculator = dynamic(() => import("../calculators/activation-calculator").then((m) => m.ActivationCalculator));
export const DeadUnitDemo = dynamic(() => import("../calculators/dead-unit-demo").then((m) => m.DeadUnitDemo));
export const DepthGradientCalculator = dynamic(() => import("../calculators/depth-gradient-calculator").then((m) => m.DepthGradientCalculator));
export const LayerCollapseDemo = dynamic(() => import("../calculators/layer-collapse-demo").then((m) => m.LayerCollapseDemo));
export const LinearityTester = dynamic(() => import("../calculators/linearity-tester").then((m) => m.LinearityTester));
export const FunctionPlot = dynamic(() => import("../plots/function-plot").then((m) => m.FunctionPlot));
