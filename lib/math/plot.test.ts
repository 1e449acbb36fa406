import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clamp, linearScale, logScale, logTicks, niceTicks, sampleCurve, snapToStep, svgPath, yExtent } from "./plot";

const relu = (x: number) => Math.max(0, x);
const reluD = (x: number) => (x > 0 ? 1 : 0);

describe("sampleCurve", () => {
  it("samples a kink exactly and keeps a continuous f in one segment", () => {
    const segs = sampleCurve(relu, -3, 3, { samples: 7, kinks: [0] });
    expect(segs).toHaveLength(1);
    expect(segs[0].some(([x, y]) => x === 0 && y === 0)).toBe(true);
  });

  it("splits f′ at the kink with one-sided limits on each side", () => {
    const segs = sampleCurve(reluD, -3, 3, { samples: 6, kinks: [0], split: true });
    expect(segs).toHaveLength(2);
    expect(segs[0].at(-1)).toEqual([0, 0]);
    expect(segs[1][0]).toEqual([0, 1]);
    expect(segs[0].every(([, y]) => y === 0)).toBe(true);
    expect(segs[1].every(([, y]) => y === 1)).toBe(true);
  });

  it("breaks the line at non-finite values and rejects an empty range", () => {
    const segs = sampleCurve((x) => 1 / x, -1, 1, { samples: 4 });
    expect(segs).toHaveLength(2);
    expect(() => sampleCurve(relu, 1, 1)).toThrow(RangeError);
  });
});

describe("scales and ticks", () => {
  it("maps domain ends to range ends", () => {
    const s = linearScale(-4, 4, 300, 0);
    expect(s(-4)).toBe(300);
    expect(s(4)).toBe(0);
    expect(s(0)).toBe(150);
    const l = logScale(1e-6, 1, 200, 0);
    expect(l(1e-3)).toBeCloseTo(100, 10);
  });

  it.each([
    [-4, 4, 5, [-4, -2, 0, 2, 4]],
    [0, 1, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [-0.3, 0.3, 3, [-0.2, 0, 0.2]],
  ])("niceTicks(%d, %d, %d)", (min, max, count, want) => {
    expect(niceTicks(min, max, count)).toEqual(want);
  });

  it("niceTicks stay inside the range and are evenly spaced (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (min, span) => {
        const t = niceTicks(min, min + span, 5);
        expect(t.length).toBeGreaterThan(0);
        for (const v of t) {
          expect(v).toBeGreaterThanOrEqual(min - span * 1e-6);
          expect(v).toBeLessThanOrEqual(min + span + span * 1e-6);
        }
      }),
    );
  });

  it("logTicks gives powers of ten", () => {
    expect(logTicks(1e-7, 1, 8)).toEqual([1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(logTicks(1e-12, 1, 4)).toEqual([1e-12, 1e-8, 1e-4, 1]);
  });
});

describe("helpers", () => {
  it("yExtent pads the span and survives flat and empty input", () => {
    expect(yExtent([[[0, 0], [1, 1]]], 0)).toEqual([0, 1]);
    expect(yExtent([[[0, 2], [1, 2]]])).toEqual([1, 3]);
    expect(yExtent([])).toEqual([-1, 1]);
  });

  it("svgPath writes rounded pixel coordinates", () => {
    expect(svgPath([[0, 0], [1, 1 / 3]], (x) => x * 10, (y) => 100 - y * 10)).toBe("M0 100L10 96.67");
  });

  it("clamp and snapToStep", () => {
    expect(clamp(5, -1, 1)).toBe(1);
    expect(snapToStep(0.30000000000000004, 0.1)).toBe(0.3);
    expect(snapToStep(-2.96, 0.1)).toBe(-3);
  });
});
