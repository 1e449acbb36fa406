// The lesson's claims, checked on the trainer itself: a linear network cannot separate the circle (or xor)
// data — it stays near chance — while a small ReLU network can. Full-batch gradient descent is used so the
// result is a property of the model class, not of mini-batch noise (decision 043).
import { describe, expect, it } from "vitest";
import type { ActivationId } from "@/lib/math/activations";
import { makeDataset, type DatasetKind } from "./datasets";
import { createNetwork } from "./network";
import { accuracy, trainRange } from "./train";

function trainedAccuracy(kind: DatasetKind, sizes: number[], act: ActivationId, seed: number): number {
  const data = makeDataset(kind, { count: 400, noise: 0.05, seed });
  const net = createNetwork({ layerSizes: sizes, activations: act, outputActivation: "sigmoid", seed });
  for (let s = 0; s < 500; s++) trainRange(net, data.xs, data.labels, null, 0, data.count, { learningRate: 0.5, optimizer: "sgd", loss: "bce-logits" });
  return accuracy(net, data.xs, data.labels, data.count);
}

describe("separability", () => {
  it.each([1, 2, 3])("a 2-8-8-1 ReLU network reaches ≥ 0.97 training accuracy on circle (seed %i)", (seed) => {
    expect(trainedAccuracy("circle", [2, 8, 8, 1], "relu", seed)).toBeGreaterThanOrEqual(0.97);
  });

  const shapes = [[2, 1], [2, 8, 1], [2, 8, 8, 1], [2, 4, 4, 4, 4, 1]];
  it.each(shapes.map((s) => [s.join("-")]))("an all-linear %s network stays ≤ 0.6 on circle and xor", (shape) => {
    const sizes = shape.split("-").map(Number);
    for (const kind of ["circle", "xor"] as const) {
      for (const seed of [1, 2, 3]) expect(trainedAccuracy(kind, sizes, "linear", seed)).toBeLessThanOrEqual(0.6);
    }
  });

  it("a 2-8-8-1 ReLU network separates xor too", () => {
    expect(trainedAccuracy("xor", [2, 8, 8, 1], "relu", 1)).toBeGreaterThanOrEqual(0.97);
  });
});
