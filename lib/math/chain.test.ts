import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chainGradient, MAX_CHAIN_DEPTH, sigmoidChainBound } from "./chain";

// Local definitions keep this test independent of activations.ts; the lesson uses the registry's.
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const sigmoid = { f: sig, df: (x: number) => sig(x) * (1 - sig(x)) };
const relu = { f: (x: number) => Math.max(0, x), df: (x: number) => (x > 0 ? 1 : 0) };
const identity = { f: (x: number) => x, df: () => 1 };

describe("chainGradient", () => {
  it("multiplies local derivatives layer by layer", () => {
    const steps = chainGradient(sigmoid, 2, 0);
    expect(steps[0]).toMatchObject({ layer: 1, z: 0, h: 0.5, local: 0.25, gradient: 0.25 });
    expect(steps[1].z).toBe(0.5);
    expect(steps[1].gradient).toBeCloseTo(0.25 * sig(0.5) * (1 - sig(0.5)), 15);
  });

  it("agrees with a central finite difference", () => {
    const x = 0.3;
    const g = chainGradient(sigmoid, 5, x).at(-1)!.gradient;
    const out = (v: number) => chainGradient(sigmoid, 5, v).at(-1)!.h;
    const fd = (out(x + 1e-6) - out(x - 1e-6)) / 2e-6;
    expect(g).toBeCloseTo(fd, 9);
  });

  it("is 1 for ReLU on a positive input and 0 on a negative one, whatever the depth", () => {
    expect(chainGradient(relu, 30, 2).at(-1)!.gradient).toBe(1);
    expect(chainGradient(relu, 30, -2).at(-1)!.gradient).toBe(0);
    expect(chainGradient(identity, 7, 5, 2).at(-1)!.gradient).toBe(128);
  });

  it("never exceeds the sigmoid bound 0.25^L (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: -20, max: 20, noNaN: true }), (depth, x) => {
        const g = chainGradient(sigmoid, depth, x).at(-1)!.gradient;
        expect(Math.abs(g)).toBeLessThanOrEqual(sigmoidChainBound(depth, 0.25) * (1 + 1e-12));
      }),
    );
  });

  it("rejects depths outside 1 … MAX_CHAIN_DEPTH", () => {
    for (const d of [0, -1, 1.5, MAX_CHAIN_DEPTH + 1, Number.NaN]) expect(() => chainGradient(relu, d, 1)).toThrow(RangeError);
  });

  it("gives 0.25^10 for the bound at L = 10", () => {
    expect(sigmoidChainBound(10, 0.25)).toBe(0.25 ** 10);
    expect(sigmoidChainBound(10, 0.25)).toBeCloseTo(9.5367431640625e-7, 20);
  });
});
