// Named values the lessons quote in their prose, each computed here from lib/math so no lesson types a
// result by hand. A lesson writes <Fact name="sigmoidBound10" />; the server renders formatNumber(value).

import { ACTIVATIONS, leakyRelu, leakyReluDerivative, relu, reluDerivative, sigmoid, sigmoidDerivative, tanhDerivative } from "./activations";
import { chainGradient, sigmoidChainBound } from "./chain";
import { DEAD_UNIT_SAMPLES, unitReport } from "./dead-unit";
import { EXAMPLE_BOX, EXAMPLE_LINEAR_MODEL, EXAMPLE_RELU_HIDDEN, linearRegions } from "./regions";

const sigmoidMax = sigmoidDerivative(0);
const lastGradient = (id: "sigmoid" | "tanh" | "relu", depth: number, x: number) =>
  chainGradient({ f: (v) => ACTIVATIONS[id].f(v), df: (v) => ACTIVATIONS[id].df(v) }, depth, x).at(-1)!.gradient;
const deadUnit = (alpha?: number) =>
  unitReport(
    alpha === undefined ? { f: relu, df: reluDerivative } : { f: (z) => leakyRelu(z, alpha), df: (z) => leakyReluDerivative(z, alpha) },
    DEAD_UNIT.w,
    DEAD_UNIT.b,
  );

/** The dead-unit demo's starting point: weight 1 and a large negative bias, so z = x − 5 < 0 on every sample. */
export const DEAD_UNIT = { w: 1, b: -5 } as const;

/** Every named fact: its value and what it is (the description is for authors and tests, not rendered). */
export const FACTS = {
  sigmoidAtZero: { value: sigmoid(0), about: "σ(0)" },
  sigmoidMaxDerivative: { value: sigmoidMax, about: "σ′(0) = max σ′" },
  sigmoidDerivativeAt2: { value: sigmoidDerivative(2), about: "σ′(2)" },
  sigmoidDerivativeAt5: { value: sigmoidDerivative(5), about: "σ′(5)" },
  sigmoidAt5: { value: sigmoid(5), about: "σ(5)" },
  sigmoidBound5: { value: sigmoidChainBound(5, sigmoidMax), about: "0.25^5" },
  sigmoidBound10: { value: sigmoidChainBound(10, sigmoidMax), about: "0.25^10" },
  sigmoidBound20: { value: sigmoidChainBound(20, sigmoidMax), about: "0.25^20" },
  sigmoidChain10AtZero: { value: lastGradient("sigmoid", 10, 0), about: "dy/dx through 10 sigmoid units at x = 0" },
  tanhChain10AtZero: { value: lastGradient("tanh", 10, 0), about: "dy/dx through 10 tanh units at x = 0" },
  tanhChain10AtOne: { value: lastGradient("tanh", 10, 1), about: "dy/dx through 10 tanh units at x = 1" },
  reluChain10AtOne: { value: lastGradient("relu", 10, 1), about: "dy/dx through 10 ReLU units at x = 1" },
  tanhMaxDerivative: { value: tanhDerivative(0), about: "tanh′(0) = max tanh′" },
  reluOne: { value: relu(1), about: "ReLU(1)" },
  reluMinusOne: { value: relu(-1), about: "ReLU(−1)" },
  reluZero: { value: relu(0), about: "ReLU(0)" },
  reluOnePlusReluMinusOne: { value: relu(1) + relu(-1), about: "ReLU(1) + ReLU(−1)" },
  reluDerivativeAtZero: { value: reluDerivative(0), about: "PyTorch's ReLU′(0)" },
  leakyMinus3Default: { value: leakyRelu(-3, 0.01), about: "Leaky ReLU(−3; α = 0.01)" },
  leakyDerivativeMinus3Default: { value: leakyReluDerivative(-3, 0.01), about: "Leaky ReLU′(−3; α = 0.01)" },
  leakyMinus3Keras: { value: leakyRelu(-3, 0.3), about: "Leaky ReLU(−3; α = 0.3)" },
  deadUnitActiveCount: { value: deadUnit().activeCount, about: "samples with z > 0 in the dead-unit demo" },
  deadUnitSampleCount: { value: DEAD_UNIT_SAMPLES.length, about: "samples in the dead-unit demo" },
  deadUnitReluGradB: { value: deadUnit().gradB, about: "dL/db of the dead ReLU unit" },
  deadUnitLeakyGradB: { value: deadUnit(0.01).gradB, about: "dL/db of the same unit under Leaky ReLU, α = 0.01" },
  deadUnitMaxZ: { value: Math.max(...DEAD_UNIT_SAMPLES.map((s) => DEAD_UNIT.w * s.x + DEAD_UNIT.b)), about: "largest pre-activation in the dead-unit demo" },
  linearModelRegions: { value: linearRegions([EXAMPLE_LINEAR_MODEL], EXAMPLE_BOX).length, about: "regions of the linear model in the figure" },
  reluFirstLayerUnits: { value: EXAMPLE_RELU_HIDDEN[0].b.length, about: "units in the example network's first hidden layer" },
  reluSecondLayerUnits: { value: EXAMPLE_RELU_HIDDEN[1].b.length, about: "units in the example network's second hidden layer" },
  reluFirstLayerRegions: { value: linearRegions([EXAMPLE_RELU_HIDDEN[0]], EXAMPLE_BOX).length, about: "regions after the first hidden layer" },
  reluFirstLayerMaxRegions: {
    value: ((n: number) => 1 + n + (n * (n - 1)) / 2)(EXAMPLE_RELU_HIDDEN[0].b.length),
    about: "most regions n lines can make in the plane: 1 + n + n(n−1)/2",
  },
  reluNetworkRegions: { value: linearRegions(EXAMPLE_RELU_HIDDEN, EXAMPLE_BOX).length, about: "regions of the two-layer ReLU network in the figure" },
} as const satisfies Record<string, { value: number; about: string }>;

/** A fact's name. */
export type FactName = keyof typeof FACTS;

/** Whether s names a fact (for validating MDX props). */
export function isFactName(s: unknown): s is FactName {
  return typeof s === "string" && Object.hasOwn(FACTS, s);
}
