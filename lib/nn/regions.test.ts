import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { linearRegions } from "@/lib/math/regions";
import { createNetwork, forward, getBiases, getWeights } from "./network";
import { activationPattern, countLinearRegions, deadUnits, evaluateGrid, evaluateGridGeneric, isPiecewiseLinear } from "./regions";

const grid = { min: -1, max: 1, pointsPerAxis: 60 };

describe("countLinearRegions", () => {
  it("is exactly 1 for any network whose activations are all linear", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }), fc.integer({ min: 1, max: 1e6 }), (hidden, seed) => {
        const net = createNetwork({ layerSizes: [2, ...hidden, 1], activations: "linear", outputActivation: "linear", seed });
        expect(countLinearRegions(net, grid)).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it("counts the two sides of one ReLU unit's line", () => {
    const net = createNetwork({ layerSizes: [2, 1, 1], activations: "relu", outputActivation: "linear", weights: [[[1, 0]], [[1]]], biases: [[0.1], [0]] });
    expect(countLinearRegions(net, grid)).toBe(2);
    // The line x = −0.1 lies outside [0.5, 1]²: one region there.
    expect(countLinearRegions(net, { min: 0.5, max: 1, pointsPerAxis: 10 })).toBe(1);
  });

  it("agrees with the exact polygon count of lib/math on a fine grid", () => {
    for (const seed of [1, 2, 3, 4]) {
      const net = createNetwork({ layerSizes: [2, 6, 5, 1], activations: "relu", outputActivation: "linear", seed });
      const W = getWeights(net);
      const b = getBiases(net);
      const exact = linearRegions([{ W: W[0], b: b[0] }, { W: W[1], b: b[1] }], { xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
      const counted = countLinearRegions(net, { min: -1, max: 1, pointsPerAxis: 400 });
      // A grid can miss slivers thinner than its spacing, never invent a region.
      expect(counted).toBeLessThanOrEqual(exact.length);
      expect(counted).toBeGreaterThanOrEqual(exact.length * 0.8);
    }
  });

  it("grows with units and layers", () => {
    const count = (hidden: number[]) =>
      countLinearRegions(createNetwork({ layerSizes: [2, ...hidden, 1], activations: "relu", outputActivation: "linear", seed: 7 }), {
        min: -3,
        max: 3,
        pointsPerAxis: 200,
      });
    expect(count([2])).toBeLessThan(count([8]));
    expect(count([8])).toBeLessThan(count([8, 8]));
  });

  it("counts Leaky ReLU units, and not linear layers mixed in", () => {
    const leaky = createNetwork({ layerSizes: [2, 4, 4, 1], activations: ["leaky-relu", "linear"], outputActivation: "linear", seed: 3 });
    expect(countLinearRegions(leaky, grid)).toBeGreaterThan(1);
    expect(isPiecewiseLinear(leaky)).toBe(true);
    expect(isPiecewiseLinear(createNetwork({ layerSizes: [2, 4, 1], activations: "tanh", outputActivation: "sigmoid" }))).toBe(false);
  });
});

describe("evaluateGrid", () => {
  it.each(["relu", "tanh", "sigmoid", "gelu"] as const)("writes the network's output row by row from the top (%s)", (id) => {
    const net = createNetwork({ layerSizes: [2, 8, 8, 1], activations: id, outputActivation: "sigmoid", seed: 11 });
    const g = { min: -2, max: 2, pointsPerAxis: 21 };
    const fast = new Float64Array(441);
    const slow = new Float64Array(441);
    expect(evaluateGrid(net, g, fast)).toBe(evaluateGridGeneric(net, g, slow));
    for (let r = 0; r < 21; r++) {
      for (let c = 0; c < 21; c++) {
        const expected = forward(net, [-2 + c * 0.2, 2 - r * 0.2])[0];
        expect(Math.abs(fast[r * 21 + c] - expected)).toBeLessThan(1e-13);
        expect(Math.abs(slow[r * 21 + c] - expected)).toBeLessThan(1e-13);
      }
    }
  });

  it("agrees with forward() where tanh saturates (e^{2z} overflows or underflows in the map's tanh)", () => {
    const net = createNetwork({ layerSizes: [2, 8, 8, 1], activations: "tanh", outputActivation: "tanh", seed: 5 });
    for (let i = 0; i < net.params.length; i++) net.params[i] *= 400; // pre-activations far beyond ±400
    const g = { min: -3, max: 3, pointsPerAxis: 13 };
    const fast = new Float64Array(169);
    evaluateGrid(net, g, fast);
    for (let r = 0; r < 13; r++) {
      for (let c = 0; c < 13; c++) {
        const expected = forward(net, [-3 + c * 0.5, 3 - r * 0.5])[0];
        expect(Number.isFinite(fast[r * 13 + c])).toBe(true);
        expect(Math.abs(fast[r * 13 + c] - expected)).toBeLessThan(1e-13);
      }
    }
  });

  it("rejects grids that make no sense", () => {
    const net = createNetwork({ layerSizes: [2, 1], activations: [], outputActivation: "linear" });
    expect(() => countLinearRegions(net, { min: 1, max: 1, pointsPerAxis: 5 })).toThrow(/min < max/);
    expect(() => countLinearRegions(net, { min: 0, max: 1, pointsPerAxis: 0 })).toThrow(/positive integer/);
  });
});

describe("activationPattern", () => {
  it("marks units with pre-activation > 0 as on", () => {
    const net = createNetwork({ layerSizes: [2, 2, 1], activations: "relu", outputActivation: "linear", weights: [[[1, 0], [0, 1]], [[1, 1]]], biases: [[0, 0], [0]] });
    expect(activationPattern(net, [1, -1])).toEqual([[true, false]]);
    expect(activationPattern(net, [0, 2])).toEqual([[false, true]]);
  });
});

describe("deadUnits", () => {
  const inputs = [[0.5, 0.5], [-1, 0.2], [0.9, -0.9]];
  const make = (activations: "relu" | "leaky-relu" | "tanh") =>
    createNetwork({
      layerSizes: [2, 3, 1],
      activations,
      outputActivation: "linear",
      // Unit 1 has a large negative bias: its pre-activation is below 0 on every input.
      weights: [[[1, 0], [0.1, 0.1], [0, 1]], [[1, 1, 1]]],
      biases: [[0, -5, 0], [0]],
    });

  it("finds a ReLU unit that is off on every input (zero gradient)", () => {
    expect(deadUnits(make("relu"), inputs)).toEqual([{ layer: 0, unit: 1 }]);
  });

  it("never calls a Leaky ReLU or tanh unit dead there: its gradient is not zero", () => {
    expect(deadUnits(make("leaky-relu"), inputs)).toEqual([]);
    expect(deadUnits(make("tanh"), inputs)).toEqual([]);
  });

  it("does not call the units of a diverged (NaN) network dead", () => {
    const net = make("relu");
    net.params.fill(Number.NaN);
    expect(deadUnits(net, inputs)).toEqual([]);
  });

  it("reports nothing without inputs", () => {
    expect(deadUnits(make("relu"), [])).toEqual([]);
  });
});
