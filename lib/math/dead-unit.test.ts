import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEAD_UNIT_SAMPLES, trainUnit, unitReport } from "./dead-unit";

const relu = { f: (x: number) => Math.max(0, x), df: (x: number) => (x > 0 ? 1 : 0) };
const leaky = (a: number) => ({ f: (x: number) => (x > 0 ? x : a * x), df: (x: number) => (x > 0 ? 1 : a) });

describe("unitReport", () => {
  it("gives exactly zero gradient to a ReLU unit with a large negative bias", () => {
    const r = unitReport(relu, 1, -5);
    expect(r.activeCount).toBe(0);
    expect(r.zeroGradient).toBe(true);
    expect(r.gradW).toBe(0);
    expect(r.gradB).toBe(0);
    expect(r.loss).toBeGreaterThan(0); // the unit is wrong, and still cannot learn
  });

  it("gives the same Leaky ReLU unit a non-zero gradient", () => {
    const r = unitReport(leaky(0.01), 1, -5);
    expect(r.zeroGradient).toBe(false);
    // z = x − 5, y = 0.01z, t = x + 1; dL/db = mean (y − t)·0.01 over x = −2…2 → 0.01·(0.01·(−5) − 1) = −0.0105
    expect(r.gradB).toBeCloseTo(-0.0105, 12);
    expect(r.gradB).toBeLessThan(0); // descent raises the bias, back towards the active side
  });

  it("matches finite differences of the loss", () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (w, b) => {
        const act = leaky(0.2);
        const r = unitReport(act, w, b);
        const h = 1e-6;
        const L = (ww: number, bb: number) => unitReport(act, ww, bb).loss;
        // Skip points within h of a kink, where the one-sided slopes differ.
        if (DEAD_UNIT_SAMPLES.some((s) => Math.abs(w * s.x + b) < 1e-3)) return;
        expect(r.gradW).toBeCloseTo((L(w + h, b) - L(w - h, b)) / (2 * h), 5);
        expect(r.gradB).toBeCloseTo((L(w, b + h) - L(w, b - h)) / (2 * h), 5);
      }),
    );
  });

  it("rejects an empty data set", () => {
    expect(() => unitReport(relu, 1, 0, [])).toThrow(RangeError);
  });
});

describe("trainUnit", () => {
  it("leaves a dead ReLU unit where it was, while Leaky ReLU moves it", () => {
    const dead = trainUnit(relu, 1, -5, 0.5, 20);
    expect(dead.at(-1)).toMatchObject({ w: 1, b: -5 });
    const leakyRun = trainUnit(leaky(0.01), 1, -5, 0.5, 20);
    expect(leakyRun.at(-1)!.b).toBeGreaterThan(-5);
    expect(leakyRun).toHaveLength(21);
  });
});
