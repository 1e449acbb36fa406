import { describe, expect, it } from "vitest";
import { ACTIVATION_IDS, type ActivationId } from "@/lib/math/activations";
import { createNetwork, forwardFlat, type Network } from "./network";
import { gradients, meanLoss, sumGradientsGeneric, trainStep, accumulateGradients, type LossKind } from "./train";
import { createRng } from "./random";
import { kernelsFor } from "./compile";

function batch(seed: number, n: number, nin: number, nout: number, binary: boolean) {
  const rng = createRng(seed);
  const inputs = Array.from({ length: n }, () => Array.from({ length: nin }, () => rng() * 4 - 2));
  const targets = Array.from({ length: n }, () => Array.from({ length: nout }, () => (binary ? (rng() < 0.5 ? 0 : 1) : rng() * 2 - 1)));
  return { inputs, targets, xs: Float64Array.from(inputs.flat()), ys: Float64Array.from(targets.flat()) };
}

/** Smallest |z| of any hidden unit over the batch: finite differences across a kink would be meaningless. */
function closestToKink(net: Network, xs: Float64Array, n: number): number {
  let m = Infinity;
  for (let i = 0; i < n; i++) {
    forwardFlat(net, xs, i * net.layerSizes[0]);
    for (let u = net.unitOffsets[1]; u < net.unitOffsets[net.layerCount]; u++) m = Math.min(m, Math.abs(net.pre[u]));
  }
  return m;
}

const cases: [ActivationId, LossKind][] = ACTIVATION_IDS.flatMap((id) => [
  [id, "mse"],
  [id, "bce-logits"],
] as [ActivationId, LossKind][]);

describe("gradients", () => {
  it.each(cases)("%s hidden layers, %s loss: match central finite differences", (id, loss) => {
    const net = createNetwork({
      layerSizes: [2, 4, 3, 2],
      activations: [id, id],
      alphas: id === "elu" ? 0.6 : id === "leaky-relu" ? 0.1 : undefined,
      // With MSE the output activation matters too: use the same one.
      outputActivation: loss === "mse" ? id : "linear",
      seed: 5,
    });
    const { inputs, targets, xs, ys } = batch(9, 6, 2, 2, loss === "bce-logits");
    expect(closestToKink(net, xs, 6)).toBeGreaterThan(1e-3);
    const { loss: value, gradWeights, gradBiases } = gradients(net, inputs, targets, { loss });
    expect(value).toBeCloseTo(meanLoss(net, xs, ys, 6, loss), 12);
    const analytic = [...gradWeights.flatMap((W, l) => [...W.flat(), ...gradBiases[l]])];
    const h = 1e-6;
    const numeric = Array.from(net.params, (_, p) => {
      const keep = net.params[p];
      net.params[p] = keep + h;
      const up = meanLoss(net, xs, ys, 6, loss);
      net.params[p] = keep - h;
      const down = meanLoss(net, xs, ys, 6, loss);
      net.params[p] = keep;
      return (up - down) / (2 * h);
    });
    expect(analytic).toHaveLength(numeric.length);
    analytic.forEach((g, p) => expect(Math.abs(g - numeric[p])).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric[p]))));
    // Some gradient is nonzero, so the comparison is not vacuous.
    expect(Math.max(...analytic.map(Math.abs))).toBeGreaterThan(1e-4);
  });

  it.each(ACTIVATION_IDS.map((id) => [id]))("compiled kernel equals the generic loops (%s)", (id) => {
    const net = createNetwork({ layerSizes: [3, 5, 4, 2], activations: [id, "relu"], outputActivation: "sigmoid", seed: 2 });
    const { xs, ys } = batch(4, 7, 3, 2, true);
    expect(kernelsFor(net)).not.toBeNull();
    for (const loss of ["mse", "bce-logits"] as const) {
      const lossCompiled = accumulateGradients(net, xs, ys, null, 0, 7, loss) * 7;
      const compiled = Array.from(net.grad, (g) => g * 7);
      net.grad.fill(0);
      const lossGeneric = sumGradientsGeneric(net, xs, ys, null, 0, 7, loss);
      expect(lossCompiled).toBeCloseTo(lossGeneric, 12);
      compiled.forEach((g, p) => expect(g).toBeCloseTo(net.grad[p], 12));
    }
  });
});

describe("trainStep", () => {
  const setup = () => createNetwork({ layerSizes: [2, 3, 1], activations: "tanh", outputActivation: "linear", seed: 3 });
  const { inputs, targets } = batch(1, 5, 2, 1, false);

  it("SGD moves every parameter by −lr · gradient, plus l2 · w on weights only", () => {
    const net = setup();
    const before = Array.from(net.params);
    const { gradWeights, gradBiases } = gradients(net, inputs, targets);
    const g = gradWeights.flatMap((W, l) => [...W.flat(), ...gradBiases[l]]);
    const isWeight = g.map((_, p) => (p < 6 || (p >= 9 && p < 12) ? 1 : 0));
    const loss = trainStep(net, inputs, targets, { learningRate: 0.1, optimizer: "sgd", l2: 0.5 });
    expect(loss).toBeGreaterThan(0);
    Array.from(net.params).forEach((w, p) => expect(w).toBeCloseTo(before[p] - 0.1 * (g[p] + 0.5 * isWeight[p] * before[p]), 14));
  });

  it("Adam's first step moves each parameter by about lr against its gradient's sign", () => {
    const net = setup();
    const before = Array.from(net.params);
    const { gradWeights, gradBiases } = gradients(net, inputs, targets);
    const g = gradWeights.flatMap((W, l) => [...W.flat(), ...gradBiases[l]]);
    trainStep(net, inputs, targets, { learningRate: 0.01, optimizer: "adam" });
    Array.from(net.params).forEach((w, p) => expect(w - before[p]).toBeCloseTo(-0.01 * Math.sign(g[p]), 6));
    expect(net.adamStep).toBe(1);
  });

  it("lowers the loss over repeated steps", () => {
    const net = setup();
    const first = trainStep(net, inputs, targets, { learningRate: 0.05, optimizer: "adam" });
    let last = first;
    for (let i = 0; i < 200; i++) last = trainStep(net, inputs, targets, { learningRate: 0.05, optimizer: "adam" });
    expect(last).toBeLessThan(first / 2);
  });

  it("rejects mismatched batches", () => {
    const net = setup();
    expect(() => trainStep(net, [], [], { learningRate: 0.1, optimizer: "sgd" })).toThrow(/empty/);
    expect(() => trainStep(net, [[1, 2]], [[1], [2]], { learningRate: 0.1, optimizer: "sgd" })).toThrow(/1 inputs but 2 targets/);
    expect(() => gradients(net, [[1, 2, 3]], [[1]])).toThrow(/inputs\[0\] needs 2 values/);
  });
});
