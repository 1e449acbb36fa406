// Taylor expansions of GELU′ and SiLU′ about their one interior zero (the minimum of GELU and of SiLU).
// There Φ(x) + x·φ(x) and σ(x)(1 + x(1 − σ(x))) subtract nearly equal terms, so evaluating the formula
// directly loses all relative accuracy; the expansion in d = x − root keeps it.

/** A zero of f′ stored as root = hi + lo (two float64s), with the Taylor coefficients of f′ there. */
export type DerivativeZero = {
  /** The float64 nearest the zero. */
  hi: number;
  /** The zero minus hi (the digits hi cannot hold). */
  lo: number;
  /** The expansion is used for |x − root| ≤ radius; its truncation error there is below 3e-17 relative. */
  radius: number;
  /** c[k] = f′⁽ᵏ⁺¹⁾(root)/(k + 1)!, so f′(root + d) = Σ c[k]·d^(k+1). */
  coefficients: readonly number[];
};

/** The zero of GELU′ at x ≈ −0.7517915246935645 (coefficients from mpmath at 80 digits). */
export const GELU_DERIVATIVE_ZERO: DerivativeZero = {
  hi: -0.7517915246935645,
  lo: 1.4956759177009883e-17,
  radius: 0.1,
  coefficients: [
    0.4314939923140469, 0.388284982990552, -0.018199676398671087, -0.1140082332972217, -0.014771522148244337,
    0.019421679838189067, 0.004539228379125415, -0.002239538068073497, -0.0007448268386746817, 0.00018633974623233514,
    8.615947861116571e-5, -1.121438018842664e-5,
  ],
};

/** The zero of SiLU′ at x ≈ −1.2784645427610737 (coefficients from mpmath at 80 digits). */
export const SILU_DERIVATIVE_ZERO: DerivativeZero = {
  hi: -1.2784645427610737,
  lo: -1.0946994183093437e-16,
  radius: 0.1,
  coefficients: [
    0.2178117057198001, 0.1466487969969469, 0.018874814223782312, -0.015222655223188032, -0.006606589138356696,
    0.000126627410081122, 0.0007985218818397998, 0.00018570724361186496, -4.090534237428612e-5, -2.9733542213263917e-5,
    -2.942631888842464e-6, 2.346029682463866e-6,
  ],
};

/** f′(x) from the expansion about `zero` when x is within its radius, otherwise undefined. */
export function derivativeNearZero(zero: DerivativeZero, x: number): number | undefined {
  // x − hi is exact here (Sterbenz: x and hi are within a factor of 2), so d carries x's full precision.
  const d = x - zero.hi - zero.lo;
  if (!(Math.abs(d) <= zero.radius)) return undefined;
  const c = zero.coefficients;
  let p = c[c.length - 1];
  for (let k = c.length - 2; k >= 0; k--) p = p * d + c[k];
  return p * d;
}
