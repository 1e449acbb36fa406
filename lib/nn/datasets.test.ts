import { describe, expect, it } from "vitest";
import { DATASET_KINDS, datasetRows, makeDataset } from "./datasets";

describe("makeDataset", () => {
  it.each(DATASET_KINDS.map((k) => [k]))("%s: balanced, reproducible, in range", (kind) => {
    const a = makeDataset(kind, { count: 400, noise: 0.1, seed: 3 });
    const b = makeDataset(kind, { count: 400, noise: 0.1, seed: 3 });
    const c = makeDataset(kind, { count: 400, noise: 0.1, seed: 4 });
    expect(a.count).toBe(400);
    expect(Array.from(a.labels).filter((l) => l === 1)).toHaveLength(200);
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.xs)).not.toEqual(Array.from(c.xs));
    for (const v of a.xs) expect(Math.abs(v)).toBeLessThanOrEqual(1.1 + 1e-12);
  });

  it("separates circle classes by radius when there is no noise", () => {
    const d = makeDataset("circle", { count: 200 });
    for (let i = 0; i < d.count; i++) {
      const r = Math.hypot(d.xs[2 * i], d.xs[2 * i + 1]);
      expect(d.labels[i] === 1 ? r <= 0.5 : r >= 0.7).toBe(true);
    }
  });

  it("labels xor by the sign of x·y", () => {
    const d = makeDataset("xor", { count: 200 });
    for (let i = 0; i < d.count; i++) expect(d.xs[2 * i] * d.xs[2 * i + 1] > 0).toBe(d.labels[i] === 1);
  });

  it("makes circle and xor point-symmetric", () => {
    const d = makeDataset("circle", { count: 100, noise: 0.2, seed: 8 });
    for (let i = 0; i < d.count; i += 2) {
      expect(d.xs[2 * i + 2]).toBe(-d.xs[2 * i]);
      expect(d.xs[2 * i + 3]).toBe(-d.xs[2 * i + 1]);
      expect(d.labels[i + 1]).toBe(d.labels[i]);
    }
  });

  it("gives rows for gradients()", () => {
    const { inputs, targets } = datasetRows(makeDataset("gaussian", { count: 4 }));
    expect(inputs).toHaveLength(4);
    expect(targets).toEqual([[1], [1], [0], [0]]);
  });

  it.each([
    [{ count: 1 }, /at least 2/],
    [{ noise: 0.6 }, /noise/],
    [{ noise: -0.1 }, /noise/],
  ])("rejects %o", (options, message) => {
    expect(() => makeDataset("circle", options)).toThrow(message);
  });
});
