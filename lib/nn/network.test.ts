import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTIVATION_IDS, ACTIVATIONS, type ActivationId } from "@/lib/math/activations";
import { createNetwork, forward, getBiases, getWeights } from "./network";

/** A forward pass written the obvious way from the registry: the reference lib/nn must match. */
function naiveForward(W: number[][][], b: number[][], ids: ActivationId[], alphas: (number | undefined)[], x: number[]): number[] {
  let a = x;
  W.forEach((Wl, l) => {
    a = Wl.map((row, j) => ACTIVATIONS[ids[l]].f(row.reduce((s, w, k) => s + w * a[k], b[l][j]), alphas[l]));
  });
  return a;
}

const arbId = fc.constantFrom(...ACTIVATION_IDS);

describe("createNetwork / forward", () => {
  it("matches a naive forward through ACTIVATIONS[id].f for any shape and activations", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 3 }),
        fc.array(arbId, { minLength: 4, maxLength: 4 }),
        arbId,
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 }),
        (hidden, acts, out, seed, x) => {
          const sizes = [2, ...hidden, 1];
          const ids = acts.slice(0, hidden.length);
          const alphas = ids.map((id) => (id === "leaky-relu" ? 0.2 : id === "elu" ? 0.7 : undefined));
          const net = createNetwork({ layerSizes: sizes, activations: ids, outputActivation: out, alphas, seed });
          const expected = naiveForward(getWeights(net), getBiases(net), [...ids, out], [...alphas, undefined], x);
          const got = forward(net, x);
          expect(got).toHaveLength(1);
          expect(Math.abs(got[0] - expected[0])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[0])));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("takes given weights and biases as W[layer][out][in]", () => {
    const net = createNetwork({
      layerSizes: [2, 2, 1],
      activations: "relu",
      outputActivation: "linear",
      weights: [[[1, 0], [0, -1]], [[2, 3]]],
      biases: [[0, 0], [0.5]],
    });
    // hidden: relu(1) = 1, relu(−2·−1 = 2) = 2 → 2·1 + 3·2 + 0.5
    expect(forward(net, [1, -2])).toEqual([8.5]);
    expect(getWeights(net)).toEqual([[[1, 0], [0, -1]], [[2, 3]]]);
    expect(getBiases(net)).toEqual([[0, 0], [0.5]]);
  });

  it("initialises like PyTorch's nn.Linear, reproducibly from the seed", () => {
    const a = createNetwork({ layerSizes: [2, 8, 8, 1], activations: "tanh", outputActivation: "sigmoid", seed: 42 });
    const b = createNetwork({ layerSizes: [2, 8, 8, 1], activations: "tanh", outputActivation: "sigmoid", seed: 42 });
    const c = createNetwork({ layerSizes: [2, 8, 8, 1], activations: "tanh", outputActivation: "sigmoid", seed: 43 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
    getWeights(a).forEach((Wl, l) => {
      const bound = 1 / Math.sqrt(a.layerSizes[l]);
      for (const w of Wl.flat()) expect(Math.abs(w)).toBeLessThanOrEqual(bound);
    });
  });

  it.each([
    [{ layerSizes: [2] }, /at least/],
    [{ layerSizes: [2, 0, 1] }, /positive integers/],
    [{ layerSizes: [2, 3, 1], activations: ["relu", "relu"] as ActivationId[] }, /expected 1 hidden activations/],
    [{ layerSizes: [2, 3, 1], activations: "swish" as ActivationId }, /unknown activation "swish"/],
    [{ layerSizes: [2, 1], weights: [[[1, Number.NaN]]] }, /weights\[0\]\[0\]\[1\] must be a finite number/],
    [{ layerSizes: [2, 1], weights: [[[1, 2]], [[3]]] }, /weights needs 1 layers/],
  ])("rejects bad options %#", (partial, message) => {
    expect(() => createNetwork({ activations: "relu", outputActivation: "linear", ...partial } as never)).toThrow(message);
  });

  it("rejects an input of the wrong length", () => {
    const net = createNetwork({ layerSizes: [2, 1], activations: [], outputActivation: "linear" });
    expect(() => forward(net, [1])).toThrow(/needs 2 values/);
  });
});
