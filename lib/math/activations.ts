// The activation functions the lessons teach and their derivatives, in float64, plus a registry that
// the calculators, plots, quizzes and trainer all read: the one source of truth for every value shown.
import { normalCdf, normalPdf } from "./erf";

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

/** PyTorch's default negative slope for LeakyReLU. */
export const LEAKY_RELU_DEFAULT_ALPHA = 0.01;
/** PyTorch's default α for ELU. */
export const ELU_DEFAULT_ALPHA = 1;

// ---------------------------------------------------------------------------------------------
// The functions. NaN in gives NaN out, nothing throws, and no finite input gives NaN or ±Infinity
// (except where the true value overflows float64 itself, which none of these do).

/** The identity f(x) = x. */
export function linear(x: number): number {
  return x;
}

/** The logistic sigmoid σ(x) = 1/(1 + e^(−x)), computed through e^(−|x|) so it never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x); // x < 0 or NaN
  return e / (1 + e);
}

/** The hyperbolic tangent tanh(x) = (eˣ − e^(−x))/(eˣ + e^(−x)). */
export function tanh(x: number): number {
  return Math.tanh(x);
}

/** The rectified linear unit ReLU(x) = max(0, x); NaN for NaN. */
export function relu(x: number): number {
  if (x > 0) return x;
  return x <= 0 ? 0 : NaN;
}

/** Leaky ReLU: x for x > 0, αx otherwise (= max(αx, x) when 0 < α < 1); α defaults to PyTorch's 0.01. */
export function leakyRelu(x: number, alpha: number = LEAKY_RELU_DEFAULT_ALPHA): number {
  return x > 0 ? x : alpha * x;
}

/** The exponential linear unit: x for x > 0, α(eˣ − 1) otherwise (expm1 keeps small |x| accurate). */
export function elu(x: number, alpha: number = ELU_DEFAULT_ALPHA): number {
  return x > 0 ? x : alpha * Math.expm1(x);
}

/** Softplus ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^(−|x|)) so it neither overflows nor loses small values. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** The exact (erf-based, not tanh-approximated) GELU x·Φ(x), with Φ the standard normal distribution function. */
export function gelu(x: number): number {
  if (x === -Infinity) return 0; // the limit; −∞·0 would be NaN
  return x * normalCdf(x);
}

/** SiLU (swish with β = 1) x·σ(x). */
export function silu(x: number): number {
  if (x === -Infinity) return 0; // the limit; −∞·0 would be NaN
  return x * sigmoid(x);
}

// ---------------------------------------------------------------------------------------------
// Derivatives. Where f is not differentiable (x = 0 for ReLU, Leaky ReLU, and ELU with α ≠ 1) the
// derivative is mathematically undefined; these return what PyTorch's autograd returns there, so numbers
// match what learners see when they train (docs/decisions/010-derivative-at-kinks.md).

/** d/dx x = 1 (NaN for NaN). */
export function linearDerivative(x: number): number {
  return Number.isNaN(x) ? NaN : 1;
}

/** σ′(x) = σ(x)(1 − σ(x)) = e^(−|x|)/(1 + e^(−|x|))², relatively accurate in both tails; at most 1/4. */
export function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** tanh′(x) = 1 − tanh²(x) = 4e^(−2|x|)/(1 + e^(−2|x|))², relatively accurate for large |x|. */
export function tanhDerivative(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/**
 * ReLU′(x): 1 for x > 0, 0 for x < 0. At x = 0 it is undefined (the subgradient there is [0, 1]);
 * like PyTorch's autograd this returns 0.
 */
export function reluDerivative(x: number): number {
  if (x > 0) return 1;
  return x <= 0 ? 0 : NaN;
}

/**
 * Leaky ReLU′(x): 1 for x > 0, α for x < 0. At x = 0 it is undefined (the subgradient there is [α, 1]);
 * like PyTorch's leaky_relu backward (`x > 0 ? 1 : α`) this returns α.
 */
export function leakyReluDerivative(x: number, alpha: number = LEAKY_RELU_DEFAULT_ALPHA): number {
  if (x > 0) return 1;
  return x <= 0 ? alpha : NaN;
}

/**
 * ELU′(x): 1 for x > 0, αeˣ for x < 0. At x = 0 it is 1 when α = 1 and undefined otherwise (left slope α,
 * right slope 1); like PyTorch's elu_backward (`x > 0 ? 1 : α·eˣ`) this returns α there.
 */
export function eluDerivative(x: number, alpha: number = ELU_DEFAULT_ALPHA): number {
  return x > 0 ? 1 : alpha * Math.exp(x);
}

/** softplus′(x) = σ(x). */
export function softplusDerivative(x: number): number {
  return sigmoid(x);
}

/** GELU′(x) = Φ(x) + x·φ(x), with φ the standard normal density. */
export function geluDerivative(x: number): number {
  if (x === -Infinity) return 0;
  return normalCdf(x) + x * normalPdf(x);
}

/** SiLU′(x) = σ(x)(1 + x(1 − σ(x))), with 1 − σ(x) taken as σ(−x) so it stays accurate for large x. */
export function siluDerivative(x: number): number {
  if (x === -Infinity) return 0;
  return sigmoid(x) * (1 + x * sigmoid(-x));
}

// ---------------------------------------------------------------------------------------------
// The registry.

export type ActivationParam = { name: "alpha"; label: string; default: number; min: number; max: number; step: number };

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
