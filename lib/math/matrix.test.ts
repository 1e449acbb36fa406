import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyAffine, applyLayers, collapseAffine, matMul, matVec, maxAbsDifference, shapeOf, vecAdd, type Matrix } from "./matrix";

describe("matMul", () => {
  it.each<[Matrix, Matrix, Matrix]>([
    [[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[19, 22], [43, 50]]],
    [[[1, 0, 2]], [[1], [2], [3]], [[7]]],
    [[[2], [3]], [[4, 5]], [[8, 10], [12, 15]]],
  ])("%j · %j = %j", (a, b, want) => {
    expect(matMul(a, b)).toEqual(want);
  });

  it("rejects mismatched shapes and ragged rows", () => {
    expect(() => matMul([[1, 2]], [[1, 2]])).toThrow(RangeError);
    expect(() => shapeOf([[1, 2], [3]])).toThrow(RangeError);
    expect(() => matVec([[1, 2]], [1])).toThrow(RangeError);
    expect(() => vecAdd([1], [1, 2])).toThrow(RangeError);
  });
});

describe("collapseAffine", () => {
  it("gives W = W₂W₁ and b = W₂b₁ + b₂ on a worked example", () => {
    const first = { W: [[1, 2], [0, 1]], b: [1, -1] };
    const second = { W: [[2, 0], [1, 1]], b: [0, 3] };
    const c = collapseAffine(first, second);
    expect(c.W).toEqual([[2, 4], [1, 3]]);
    expect(c.b).toEqual([2, 3]);
    expect(applyAffine(c, [1, 1])).toEqual(applyLayers([first, second], [1, 1]));
  });

  const small = fc.integer({ min: -9, max: 9 });
  const mat = (r: number, c: number) => fc.array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
  const vec = (n: number) => fc.array(small, { minLength: n, maxLength: n });

  it("computes the same outputs as the two layers for any integer weights (property)", () => {
    fc.assert(
      fc.property(mat(3, 2), vec(3), mat(2, 3), vec(2), vec(2), (W1, b1, W2, b2, x) => {
        const layers = [{ W: W1, b: b1 }, { W: W2, b: b2 }];
        const one = collapseAffine(layers[0], layers[1]);
        expect(maxAbsDifference(applyAffine(one, x), applyLayers(layers, x))).toBe(0);
      }),
    );
  });

  it("does not hold once a ReLU sits between the layers", () => {
    const layers = [{ W: [[1], [-1]], b: [0, 0] }, { W: [[1, 1]], b: [0] }];
    const one = collapseAffine(layers[0], layers[1]);
    // Linear: x − x = 0 for every x. With ReLU between: relu(x) + relu(−x) = |x|.
    expect(applyAffine(one, [-2])).toEqual([0]);
    expect(applyLayers(layers, [-2], (z) => Math.max(0, z))).toEqual([2]);
  });
});
