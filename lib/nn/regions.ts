// Linear regions and dead units. A hidden unit is "on" where its pre-activation z > 0. Only units with a
// kinked piecewise-linear activation (ReLU, Leaky ReLU) split the input space into linear pieces, so only
// they enter the pattern that names a linear region; linear units never split it, and smooth curved
// units (tanh, sigmoid, ELU, …) leave the network with no linear pieces at all (decision 042).
import type { ActivationId } from "@/lib/math/activations";
import { derivative, K_LEAKY, K_RELU } from "./kernels";
import { kernelsFor } from "./compile";
import { forwardFlat, type Network } from "./network";

/** A square grid of pointsPerAxis² points spanning [min, max] on both axes, ends included. */
export type Grid = { min: number; max: number; pointsPerAxis: number };

/** A hidden unit: `layer` is the hidden layer's index (0 = first hidden layer). */
export type UnitRef = { layer: number; unit: number };

const PIECEWISE_LINEAR: ReadonlySet<ActivationId> = new Set<ActivationId>(["linear", "relu", "leaky-relu"]);

/** True when every hidden activation is linear, ReLU or Leaky ReLU: the output's pre-activation is then piecewise linear in the input. */
export function isPiecewiseLinear(net: Network): boolean {
  return net.activations.every((id) => PIECEWISE_LINEAR.has(id));
}

/** On/off pattern of every hidden unit for one input: pattern[layer][unit] = (pre-activation > 0). */
export function activationPattern(net: Network, input: number[]): boolean[][] {
  if (input.length !== net.layerSizes[0]) throw new RangeError(`input needs ${net.layerSizes[0]} values, got ${input.length}`);
  forwardFlat(net, input, 0);
  const out: boolean[][] = [];
  for (let h = 0; h < net.layerCount - 1; h++) {
    const o = net.unitOffsets[h + 1];
    const row: boolean[] = [];
    for (let u = 0; u < net.layerSizes[h + 1]; u++) row.push(net.pre[o + u] > 0);
    out.push(row);
  }
  return out;
}

/** Number of hidden units whose on/off state names a linear region (ReLU and Leaky ReLU units). */
export function kinkedUnitCount(net: Network): number {
  let n = 0;
  for (let h = 0; h < net.layerCount - 1; h++) if (isKinked(net.codes[h])) n += net.layerSizes[h + 1];
  return n;
}

function isKinked(code: number): boolean {
  return code === K_RELU || code === K_LEAKY;
}

/** Checks a grid and returns its coordinate step. */
export function gridStep(grid: Grid): number {
  const { min, max, pointsPerAxis: n } = grid;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) throw new RangeError("the grid needs finite min < max");
  if (!Number.isInteger(n) || n < 1) throw new RangeError("pointsPerAxis must be a positive integer");
  return n === 1 ? 0 : (max - min) / (n - 1);
}

/**
 * Collects the region key of the current forward pass (net.pre) into `seen`. Keys are exact numbers while
 * at most 52 units count (the playground's 4 × 8 = 32), strings beyond that.
 */
function addPattern(net: Network, seen: Set<number | string>, numeric: boolean): void {
  const { pre, codes, unitOffsets, layerSizes } = net;
  if (numeric) {
    let key = 0;
    for (let h = 0; h < net.layerCount - 1; h++) {
      if (!isKinked(codes[h])) continue;
      const o = unitOffsets[h + 1];
      for (let u = 0; u < layerSizes[h + 1]; u++) key = key * 2 + (pre[o + u] > 0 ? 1 : 0);
    }
    seen.add(key);
    return;
  }
  let key = "";
  for (let h = 0; h < net.layerCount - 1; h++) {
    if (!isKinked(codes[h])) continue;
    const o = unitOffsets[h + 1];
    for (let u = 0; u < layerSizes[h + 1]; u++) key += pre[o + u] > 0 ? "1" : "0";
  }
  seen.add(key);
}

/**
 * Evaluates the network at every point of a 2-input grid, row-major with row 0 at y = max (the top of a
 * picture) and column 0 at x = min. Writes the first output of each point into `out` (length n²) when
 * given, and returns the number of distinct ReLU/Leaky ReLU on/off patterns met (see countLinearRegions).
 */
export function evaluateGrid(net: Network, grid: Grid, out?: Float32Array | Float64Array): number {
  if (net.layerSizes[0] !== 2) throw new RangeError("grids need a network with 2 inputs");
  const step = gridStep(grid);
  const n = grid.pointsPerAxis;
  if (out && out.length < n * n) throw new RangeError(`out needs ${n * n} values`);
  const counted = kinkedUnitCount(net);
  const compiled = kernelsFor(net);
  if (compiled?.grid && counted <= 52) {
    const seen = counted > 0 ? new Set<number>() : null;
    compiled.grid(grid.min, grid.max, step, n, out ?? null, seen);
    return seen ? seen.size : 1;
  }
  return evaluateGridGeneric(net, grid, out);
}

/** The reference implementation of evaluateGrid (generic loops). */
export function evaluateGridGeneric(net: Network, grid: Grid, out?: Float32Array | Float64Array): number {
  const step = gridStep(grid);
  const n = grid.pointsPerAxis;
  const counted = kinkedUnitCount(net);
  const seen = new Set<number | string>();
  const numeric = counted <= 52;
  const point = new Float64Array(2);
  const o = net.unitOffsets[net.layerCount];
  for (let r = 0; r < n; r++) {
    point[1] = grid.max - r * step;
    for (let c = 0; c < n; c++) {
      point[0] = grid.min + c * step;
      forwardFlat(net, point, 0);
      if (out) out[r * n + c] = net.post[o];
      if (counted > 0) addPattern(net, seen, numeric);
    }
  }
  return counted === 0 ? 1 : seen.size;
}

/**
 * The number of distinct on/off patterns of the hidden ReLU and Leaky ReLU units over the grid (a 2-input
 * network). Each pattern is one convex region where the network is a single affine map, so this is the
 * number of linear regions the grid sees (small regions between grid points can be missed). A network
 * without such units has exactly 1. For tanh, sigmoid and other curved units this counts only the kinked
 * units; check isPiecewiseLinear before calling the result "linear regions".
 */
export function countLinearRegions(net: Network, grid: Grid): number {
  return evaluateGrid(net, grid);
}

/**
 * Hidden units that are dead on `count` samples of flat inputs: pre-activation ≤ 0 and activation
 * derivative exactly 0 on every sample, so no gradient reaches their incoming weights (ReLU units at or
 * below 0; a tanh or sigmoid unit only if it saturates to a derivative of exactly 0). None when count = 0.
 */
export function deadUnitsFlat(net: Network, xs: ArrayLike<number>, count: number): UnitRef[] {
  const hidden = net.layerCount - 1;
  if (count === 0 || hidden === 0) return [];
  const alive: Uint8Array[] = [];
  for (let h = 0; h < hidden; h++) alive.push(new Uint8Array(net.layerSizes[h + 1]));
  const nin = net.layerSizes[0];
  for (let i = 0; i < count; i++) {
    forwardFlat(net, xs, i * nin);
    for (let h = 0; h < hidden; h++) {
      const o = net.unitOffsets[h + 1];
      const a = alive[h];
      for (let u = 0; u < a.length; u++) {
        if (a[u]) continue;
        const z = net.pre[o + u];
        // NaN (a diverged network) is not evidence of a dead unit: only z ≤ 0 with a zero derivative is.
        if (!(z <= 0) || derivative(net.codes[h], z, net.post[o + u], net.alphas[h], net.layerIds[h]) !== 0) a[u] = 1;
      }
    }
  }
  const dead: UnitRef[] = [];
  alive.forEach((a, layer) => a.forEach((on, unit) => on || dead.push({ layer, unit })));
  return dead;
}

/** Hidden units dead on every one of `inputs` (see deadUnitsFlat). */
export function deadUnits(net: Network, inputs: number[][]): UnitRef[] {
  const nin = net.layerSizes[0];
  const xs = new Float64Array(inputs.length * nin);
  inputs.forEach((row, i) => {
    if (row.length !== nin) throw new RangeError(`inputs[${i}] needs ${nin} values, got ${row.length}`);
    xs.set(row, i * nin);
  });
  return deadUnitsFlat(net, xs, inputs.length);
}
