import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { elu, leakyRelu, linear, relu, sigmoid, tanh } from "./activations";
import { checkAdditivity, checkHomogeneity, LINEARITY_TOLERANCE } from "./linearity";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe("checkAdditivity", () => {
  it.each([
    // f, a, b, lhs, rhs, holds
    ["relu", relu, 1, -1, 0, 1, false],
    ["relu", relu, 2, 3, 5, 5, true],
    ["relu", relu, -2, -3, 0, 0, true],
    ["linear", linear, 1, -1, 0, 0, true],
    ["leaky relu", (x: number) => leakyRelu(x, 0.1), 1, -1, 0, 0.9, false],
    ["sigmoid", sigmoid, 0, 0, 0.5, 1, false],
  ] as const)("%s at (%d, %d)", (_name, f, a, b, lhs, rhs, holds) => {
    const r = checkAdditivity(f, a, b);
    expect(r.lhs).toBeCloseTo(lhs, 15);
    expect(r.rhs).toBeCloseTo(rhs, 15);
    expect(r.difference).toBeCloseTo(lhs - rhs, 15);
    expect(r.holds).toBe(holds);
    expect(r.tolerance).toBe(LINEARITY_TOLERANCE);
  });

  it("holds for linear everywhere, up to rounding", () => {
    fc.assert(fc.property(finite, finite, (a, b) => checkAdditivity(linear, a, b).holds));
  });

  it("fails for ReLU whenever a and b have opposite signs", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (p, n) => {
        return !checkAdditivity(relu, p, -n).holds;
      }),
    );
  });

  it("fails for sigmoid and tanh at generic points", () => {
    expect(checkAdditivity(sigmoid, 1, 2).holds).toBe(false);
    expect(checkAdditivity(tanh, 1, 2).holds).toBe(false);
  });

  it("uses a relative tolerance that can be overridden", () => {
    const f = (x: number) => (x === 2 ? 2 + 1e-6 : x);
    expect(checkAdditivity(f, 1, 1).holds).toBe(false);
    expect(checkAdditivity(f, 1, 1, 1e-5).holds).toBe(true);
    expect(checkAdditivity(f, 1, 1, 1e-5).tolerance).toBe(1e-5);
    // Relative: a difference of 1e-4 at 2e6 is 5e-11 of the larger side, inside 1e-9.
    const g = (x: number) => (x === 2e6 ? 2e6 + 1e-4 : x);
    expect(checkAdditivity(g, 1e6, 1e6).holds).toBe(true);
  });

  it("does not hold when a side is NaN", () => {
    const r = checkAdditivity(relu, NaN, 1);
    expect(r.holds).toBe(false);
    expect(Number.isNaN(r.lhs)).toBe(true);
  });
});

describe("checkHomogeneity", () => {
  it.each([
    ["relu, c = 2", relu, 2, 3, 6, 6, true],
    ["relu, c = 0", relu, 0, 3, 0, 0, true],
    ["relu, c = −1", relu, -1, 3, 0, -3, false],
    ["relu, c = −2, x = −1", relu, -2, -1, 2, 0, false],
    ["relu, c = −2, x = 0", relu, -2, 0, 0, -0, true],
    ["linear, c = −3", linear, -3, 2, -6, -6, true],
    ["leaky relu, c = 5, x = −1", leakyRelu, 5, -1, -0.05, -0.05, true],
    ["leaky relu, c = −1, x = 1", leakyRelu, -1, 1, -0.01, -1, false],
    ["sigmoid, c = 2", sigmoid, 2, 1, sigmoid(2), 2 * sigmoid(1), false],
  ] as const)("%s", (_name, f, c, x, lhs, rhs, holds) => {
    const r = checkHomogeneity(f, c, x);
    expect(r.lhs).toBeCloseTo(lhs, 15);
    expect(r.rhs).toBeCloseTo(rhs, 15);
    expect(r.holds).toBe(holds);
  });

  it("ReLU and leaky ReLU are positively homogeneous: holds for every c ≥ 0", () => {
    const c = fc.double({ min: 0, max: 1e3, noNaN: true });
    const x = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(fc.property(c, x, (c, x) => checkHomogeneity(relu, c, x).holds));
    fc.assert(fc.property(c, x, (c, x) => checkHomogeneity(leakyRelu, c, x).holds));
  });

  it("ELU is not even positively homogeneous: its negative side saturates", () => {
    expect(checkHomogeneity((t) => elu(t), 2, -1).holds).toBe(false);
    expect(checkHomogeneity((t) => elu(t), 2, 1).holds).toBe(true);
  });

  it("ReLU fails homogeneity for every c < 0 and x ≠ 0", () => {
    const c = fc.double({ min: -1e3, max: -1e-3, noNaN: true });
    const x = fc.oneof(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: -1e-3, noNaN: true }));
    fc.assert(fc.property(c, x, (c, x) => !checkHomogeneity(relu, c, x).holds));
  });

  it("linear holds for every c and x", () => {
    fc.assert(fc.property(finite, finite, (c, x) => checkHomogeneity(linear, c, x).holds));
  });
});
