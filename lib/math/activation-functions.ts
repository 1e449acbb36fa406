// The activation functions and their derivatives in float64: NaN in gives NaN out, nothing throws, and
// every finite input gives a finite result accurate to 1e-12 relative (see activations.accuracy.test.ts).
import { derivativeNearZero, GELU_DERIVATIVE_ZERO, SILU_DERIVATIVE_ZERO } from "./derivative-zeros";
import { normalCdf, normalPdf } from "./erf";

/** PyTorch's default negative slope for LeakyReLU. */
export const LEAKY_RELU_DEFAULT_ALPHA = 0.01;
/** PyTorch's default α for ELU. */
export const ELU_DEFAULT_ALPHA = 1;

// ---------------------------------------------------------------------------------------------
// The functions.

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

/** σ′(x) = σ(x)(1 − σ(x)) = ¼·sech²(x/2), relatively accurate in both tails; at most 1/4, at x = 0. */
export function sigmoidDerivative(x: number): number {
  return 0.25 * tanhDerivative(x / 2);
}

/** tanh′(x) = 1 − tanh²(x) = sech²(x), relatively accurate for large |x|; at most 1, at x = 0. */
export function tanhDerivative(x: number): number {
  // 1 − tanh² is accurate (and never above 1) while tanh² ≤ ¼; beyond, it cancels, and
  // 4e/(1 + e)² with e = e^(−2|x|) is the same quantity without the subtraction.
  if (Math.abs(x) < 0.5) {
    const t = Math.tanh(x);
    return 1 - t * t;
  }
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

/** GELU′(x) = Φ(x) + x·φ(x), with φ the standard normal density (a series near its zero at x ≈ −0.7518). */
export function geluDerivative(x: number): number {
  if (x === Infinity || x === -Infinity) return x > 0 ? 1 : 0; // the limits; ∞·0 would be NaN
  return derivativeNearZero(GELU_DERIVATIVE_ZERO, x) ?? normalCdf(x) + x * normalPdf(x);
}

/**
 * SiLU′(x) = σ(x)(1 + x(1 − σ(x))), with 1 − σ(x) taken as σ(−x) so it stays accurate for large x
 * (a series near its zero at x ≈ −1.2785).
 */
export function siluDerivative(x: number): number {
  if (x === Infinity || x === -Infinity) return x > 0 ? 1 : 0; // the limits; ∞·0 would be NaN
  return derivativeNearZero(SILU_DERIVATIVE_ZERO, x) ?? sigmoid(x) * (1 + x * sigmoid(-x));
}
