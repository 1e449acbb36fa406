// Numerical checks of the two properties that make a function linear, f(a + b) = f(a) + f(b) and
// f(c·x) = c·f(x): the calculators and quizzes show learners exactly where ReLU and friends fail them.

/** The two sides of an identity, their difference lhs − rhs, and whether they agree within tolerance. */
export type IdentityCheck = { lhs: number; rhs: number; difference: number; holds: boolean; tolerance: number };

/** Relative tolerance for the checks: holds ⇔ |lhs − rhs| ≤ tolerance · max(1, |lhs|, |rhs|). */
export const LINEARITY_TOLERANCE = 1e-9;

function compare(lhs: number, rhs: number, tolerance: number): IdentityCheck {
  const difference = lhs - rhs;
  // A NaN anywhere (or ∞ − ∞) makes the comparison false: an identity we cannot evaluate does not hold.
  const holds = Math.abs(difference) <= tolerance * Math.max(1, Math.abs(lhs), Math.abs(rhs));
  return { lhs, rhs, difference, holds, tolerance };
}

/** Additivity at (a, b): lhs = f(a + b), rhs = f(a) + f(b). */
export function checkAdditivity(
  f: (x: number) => number,
  a: number,
  b: number,
  tolerance: number = LINEARITY_TOLERANCE,
): IdentityCheck {
  return compare(f(a + b), f(a) + f(b), tolerance);
}

/** Homogeneity at (c, x): lhs = f(c·x), rhs = c·f(x). */
export function checkHomogeneity(
  f: (x: number) => number,
  c: number,
  x: number,
  tolerance: number = LINEARITY_TOLERANCE,
): IdentityCheck {
  return compare(f(c * x), c * f(x), tolerance);
}
