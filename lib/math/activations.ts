// The activation functions the lessons teach and their derivatives, in float64, plus a registry that
// the calculators, plots, quizzes and trainer all read: the one source of truth for every value shown.
import {
  ELU_DEFAULT_ALPHA,
  elu,
  eluDerivative,
  gelu,
  geluDerivative,
  LEAKY_RELU_DEFAULT_ALPHA,
  leakyRelu,
  leakyReluDerivative,
  linear,
  linearDerivative,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  silu,
  siluDerivative,
  softplus,
  softplusDerivative,
  tanh,
  tanhDerivative,
} from "./activation-functions";

// The plain functions live in their own module; everyone imports them from here.
export * from "./activation-functions";

/** The id of an activation, as used in URLs, content files and the trainer. */
export type ActivationId = "linear" | "sigmoid" | "tanh" | "relu" | "leaky-relu" | "elu" | "softplus" | "gelu" | "silu";

/** Every activation id, in the order lessons and menus list them. */
export const ACTIVATION_IDS: readonly ActivationId[] = [
  "linear",
  "sigmoid",
  "tanh",
  "relu",
  "leaky-relu",
  "elu",
  "softplus",
  "gelu",
  "silu",
];

/** Whether s is one of ACTIVATION_IDS (use it to validate ids from URLs, forms and content). */
export function isActivationId(s: unknown): s is ActivationId {
  return typeof s === "string" && (ACTIVATION_IDS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// The registry.

/** A tunable parameter (α) with its PyTorch default and the slider range the calculators offer. */
export type ActivationParam = { name: "alpha"; label: string; default: number; min: number; max: number; step: number };

/** Everything the site knows about one activation: name, TeX, parameter, f, f′ and kinks. */
export type Activation = {
  id: ActivationId;
  /** Display name, e.g. "Leaky ReLU". */
  label: string;
  /** TeX of f. */
  texF: string;
  /** TeX of f′ (piecewise ones via \begin{cases}, saying "undefined" at a kink). */
  texDf: string;
  /** The tunable parameter: only leaky-relu and elu have one. */
  param?: ActivationParam;
  /** f(x); alpha is ignored when there is no param, and undefined means the default. */
  f: (x: number, alpha?: number) => number;
  /** f′(x), with PyTorch's autograd value at a kink. */
  df: (x: number, alpha?: number) => number;
  /** x values where f is not differentiable at the default parameter (see kinksOf for other α). */
  kinks: readonly number[];
  /** One plain sentence on the value df returns at a kink, for activations that have one. */
  kinkNote?: string;
};

const cases = (...rows: string[]) => `\\begin{cases} ${rows.join(" \\\\ ")} \\end{cases}`;

/** The registry of activations by id: the single source for every label, formula and value shown. */
export const ACTIVATIONS: Readonly<Record<ActivationId, Activation>> = {
  linear: {
    id: "linear",
    label: "Linear",
    texF: "x",
    texDf: "1",
    f: linear,
    df: linearDerivative,
    kinks: [],
  },
  sigmoid: {
    id: "sigmoid",
    label: "Sigmoid",
    texF: "\\sigma(x) = \\frac{1}{1 + e^{-x}}",
    texDf: "\\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
    f: sigmoid,
    df: sigmoidDerivative,
    kinks: [],
  },
  tanh: {
    id: "tanh",
    label: "Tanh",
    texF: "\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    texDf: "1 - \\tanh^{2}(x)",
    f: tanh,
    df: tanhDerivative,
    kinks: [],
  },
  relu: {
    id: "relu",
    label: "ReLU",
    texF: "\\max(0, x)",
    texDf: cases("1 & x > 0", "0 & x < 0", "\\text{undefined} & x = 0"),
    f: relu,
    df: reluDerivative,
    kinks: [0],
    kinkNote: "Undefined at x = 0 (the subgradient there is [0, 1]); PyTorch's autograd uses 0.",
  },
  "leaky-relu": {
    id: "leaky-relu",
    label: "Leaky ReLU",
    texF: "\\max(\\alpha x, x)",
    texDf: cases("1 & x > 0", "\\alpha & x < 0", "\\text{undefined} & x = 0"),
    param: { name: "alpha", label: "α (negative slope)", default: LEAKY_RELU_DEFAULT_ALPHA, min: 0.001, max: 0.99, step: 0.001 },
    f: leakyRelu,
    df: leakyReluDerivative,
    kinks: [0],
    kinkNote: "Undefined at x = 0 (the subgradient there is [α, 1]); PyTorch's autograd uses α.",
  },
  elu: {
    id: "elu",
    label: "ELU",
    texF: cases("x & x > 0", "\\alpha\\,(e^{x} - 1) & x \\le 0"),
    texDf: cases("1 & x > 0", "\\alpha e^{x} & x < 0", "1 \\text{ if } \\alpha = 1 \\text{, else undefined} & x = 0"),
    param: { name: "alpha", label: "α (negative saturation)", default: ELU_DEFAULT_ALPHA, min: 0.1, max: 3, step: 0.1 },
    f: elu,
    df: eluDerivative,
    kinks: [],
    kinkNote: "With α ≠ 1 the derivative is undefined at x = 0 (slopes α and 1 meet); PyTorch's autograd uses α.",
  },
  softplus: {
    id: "softplus",
    label: "Softplus",
    texF: "\\ln\\left(1 + e^{x}\\right)",
    texDf: "\\sigma(x) = \\frac{1}{1 + e^{-x}}",
    f: softplus,
    df: softplusDerivative,
    kinks: [],
  },
  gelu: {
    id: "gelu",
    label: "GELU",
    texF: "x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\left(\\frac{x}{\\sqrt{2}}\\right)\\right)",
    texDf: "\\Phi(x) + x\\,\\varphi(x), \\quad \\varphi(x) = \\frac{e^{-x^{2}/2}}{\\sqrt{2\\pi}}",
    f: gelu,
    df: geluDerivative,
    kinks: [],
  },
  silu: {
    id: "silu",
    label: "SiLU (Swish)",
    texF: "x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}",
    texDf: "\\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)",
    f: silu,
    df: siluDerivative,
    kinks: [],
  },
};

/** The x values where activation id is not differentiable for parameter alpha (ELU has a kink at 0 only when α ≠ 1). */
export function kinksOf(id: ActivationId, alpha?: number): readonly number[] {
  if (id === "elu") return (alpha ?? ELU_DEFAULT_ALPHA) === 1 ? [] : [0];
  if (id === "leaky-relu") return (alpha ?? LEAKY_RELU_DEFAULT_ALPHA) === 1 ? [] : [0];
  return ACTIVATIONS[id].kinks;
}
