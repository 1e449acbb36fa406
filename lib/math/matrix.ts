// Small dense matrices for the layer-collapse lesson: two affine layers x ↦ W₂(W₁x + b₁) + b₂ are one
// affine layer x ↦ Wx + b with W = W₂W₁ and b = W₂b₁ + b₂. Pure; row-major number[][] throughout.

/** A dense matrix, row-major: m[i][j] is row i, column j. */
export type Matrix = number[][];
/** A column vector as a plain array. */
export type Vector = number[];
/** One affine layer x ↦ Wx + b (W is out × in, b has length out). */
export type AffineLayer = { W: Matrix; b: Vector };

/** Shape [rows, cols] of a matrix; throws RangeError when rows have different lengths. */
export function shapeOf(m: Matrix): [number, number] {
  const rows = m.length;
  const cols = rows === 0 ? 0 : m[0].length;
  for (const row of m) {
    if (row.length !== cols) throw new RangeError("matrix rows must all have the same length");
  }
  return [rows, cols];
}

/** Matrix product A·B (A is m × n, B is n × p → m × p); throws RangeError on mismatched shapes. */
export function matMul(a: Matrix, b: Matrix): Matrix {
  const [m, n] = shapeOf(a);
  const [n2, p] = shapeOf(b);
  if (n !== n2) throw new RangeError(`cannot multiply ${m}×${n} by ${n2}×${p}`);
  const out: Matrix = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i][k] * b[k][j];
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

/** Matrix–vector product A·x (A is m × n, x has length n → length m). */
export function matVec(a: Matrix, x: Vector): Vector {
  const [m, n] = shapeOf(a);
  if (x.length !== n) throw new RangeError(`cannot multiply ${m}×${n} by a vector of length ${x.length}`);
  return a.map((row) => row.reduce((s, aij, j) => s + aij * x[j], 0));
}

/** Element-wise sum of two vectors of equal length. */
export function vecAdd(x: Vector, y: Vector): Vector {
  if (x.length !== y.length) throw new RangeError(`cannot add vectors of length ${x.length} and ${y.length}`);
  return x.map((xi, i) => xi + y[i]);
}

/** Applies one affine layer: W·x + b. */
export function applyAffine(layer: AffineLayer, x: Vector): Vector {
  return vecAdd(matVec(layer.W, x), layer.b);
}

/** Applies layers in order with an element-wise activation after every layer but the last (identity by default). */
export function applyLayers(layers: readonly AffineLayer[], x: Vector, activation: (z: number) => number = (z) => z): Vector {
  return layers.reduce((h, layer, i) => {
    const z = applyAffine(layer, h);
    return i < layers.length - 1 ? z.map(activation) : z;
  }, x);
}

/** The single affine layer equal to `first` then `second`: W = W₂W₁, b = W₂b₁ + b₂. */
export function collapseAffine(first: AffineLayer, second: AffineLayer): AffineLayer {
  return { W: matMul(second.W, first.W), b: vecAdd(matVec(second.W, first.b), second.b) };
}

/** Largest absolute element-wise difference between two vectors of equal length. */
export function maxAbsDifference(x: Vector, y: Vector): number {
  if (x.length !== y.length) throw new RangeError(`cannot compare vectors of length ${x.length} and ${y.length}`);
  return x.reduce((m, xi, i) => Math.max(m, Math.abs(xi - y[i])), 0);
}

/** The lesson's worked example (and the collapse demo's starting values): two 2 × 2 affine layers and an input. */
export const COLLAPSE_EXAMPLE: { first: AffineLayer; second: AffineLayer; x: Vector } = {
  first: { W: [[1, 2], [-1, 1]], b: [0.5, -1] },
  second: { W: [[2, -1], [1, 3]], b: [1, 0] },
  x: [1, -2],
};
