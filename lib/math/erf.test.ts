import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { erf, erfc, normalCdf, normalPdf } from "./erf";
import reference from "./__reference__/values.json";

/** Relative error, or absolute error scaled to 1e-300 for true values below that (they may underflow). */
function error(got: number, expected: number): number {
  const abs = Math.abs(got - expected);
  return Math.abs(expected) < 1e-300 ? (abs <= 1e-300 ? 0 : Infinity) : abs / Math.abs(expected);
}

describe("erf and erfc: published table values", () => {
  it.each([
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [-1, -0.8427007929497149],
    [0, 0],
  ])("erf(%d) = %d", (t, expected) => {
    expect(error(erf(t), expected)).toBeLessThanOrEqual(4.5e-16); // two ulps
  });

  it.each([
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [10, 2.088487583762545e-45],
    [0, 1],
    [-3, 1.999977909503001],
  ])("erfc(%d) = %d", (t, expected) => {
    expect(error(erfc(t), expected)).toBeLessThanOrEqual(4.5e-16);
  });
});

describe("erf, erfc, Φ and φ against 60-digit mpmath values", () => {
  const { t, ...columns } = reference.erf;
  const fns = { erf, erfc, normalCdf: (x: number) => normalCdf(1.5 * x), normalPdf: (x: number) => normalPdf(1.5 * x) };
  it.each(Object.keys(fns) as (keyof typeof fns)[])("%s is within 2e-15 relative", (name) => {
    let worst = 0;
    let worstAt = NaN;
    t.forEach((ts, i) => {
      const e = error(fns[name](Number(ts)), Number(columns[name][i]));
      if (e > worst) [worst, worstAt] = [e, Number(ts)];
    });
    expect(worst, `worst at t = ${worstAt}`).toBeLessThanOrEqual(2e-15);
  });
});

describe("erf identities and edge cases", () => {
  const t = fc.double({ min: -40, max: 40, noNaN: true });

  it("is odd and bounded by 1", () => {
    fc.assert(fc.property(t, (t) => erf(-t) === -erf(t) && Math.abs(erf(t)) <= 1));
  });

  it("erf + erfc = 1", () => {
    fc.assert(fc.property(t, (t) => Math.abs(erf(t) + erfc(t) - 1) <= 4e-16));
  });

  it("erfc(−t) = 2 − erfc(t)", () => {
    fc.assert(fc.property(t, (t) => Math.abs(erfc(-t) - (2 - erfc(t))) <= 4e-16));
  });

  it("is increasing", () => {
    fc.assert(fc.property(t, t, (a, b) => (a <= b ? erf(a) <= erf(b) : erf(a) >= erf(b))));
  });

  it("Φ(x) + Φ(−x) = 1 and Φ′ = φ", () => {
    fc.assert(fc.property(t, (x) => Math.abs(normalCdf(x) + normalCdf(-x) - 1) <= 4e-16));
    for (const x of [-5, -1, 0, 0.3, 2]) {
      const h = 1e-5;
      expect((normalCdf(x + h) - normalCdf(x - h)) / (2 * h)).toBeCloseTo(normalPdf(x), 9);
    }
  });

  it("handles NaN, ±∞ and tiny arguments", () => {
    for (const f of [erf, erfc, normalCdf, normalPdf]) expect(f(NaN)).toBeNaN();
    expect([erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity)]).toEqual([1, -1, 0, 2]);
    expect([normalCdf(Infinity), normalCdf(-Infinity), normalPdf(Infinity), normalPdf(-Infinity)]).toEqual([1, 0, 0, 0]);
    expect(erf(1e-300)).toBe(1.1283791670955126e-300);
    expect(erf(5e-324)).toBe(5e-324); // 2/√π·(smallest subnormal) rounds back to it
    expect(Object.is(erf(-0), -0)).toBe(true);
  });

  it("never returns NaN or leaves its range for finite input", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (t) => {
        const values = [erf(t), erfc(t), normalCdf(t), normalPdf(t)];
        return values.every(Number.isFinite) && erfc(t) >= 0 && erfc(t) <= 2 && normalCdf(t) >= 0 && normalCdf(t) <= 1;
      }),
    );
  });
});
