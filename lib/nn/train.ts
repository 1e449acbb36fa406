// Backpropagation and the optimizers, over flat Float64Arrays with no allocation per sample. The loss is
// the mean over the batch of ½·Σ(y − t)² ("mse") or of PyTorch's BCEWithLogitsLoss on the output
// pre-activation ("bce-logits", decision 041).
import { derivative, sigmoid, softplus } from "./kernels";
import { kernelsFor } from "./compile";
import { forwardFlat, unflatten, type Network } from "./network";
import { shuffleInPlace, type Rng } from "./random";

/** "mse": ½·Σ(y − t)² per sample; "bce-logits": binary cross-entropy on the output pre-activation z (t ∈ [0, 1]). */
export type LossKind = "mse" | "bce-logits";

/** How a step updates the parameters. */
export type TrainOptions = {
  learningRate: number;
  optimizer: "sgd" | "adam";
  /** L2 penalty ½·l2·‖W‖² on the weights (not the biases), added to the loss's gradient. Default 0. */
  l2?: number;
  /** Default "mse". */
  loss?: LossKind;
};

/** Adam's constants: PyTorch's defaults. */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/**
 * Forward and backward for one sample; adds ∂loss/∂params into net.grad and returns the sample's loss.
 * xs holds inputs at xOffset, ys targets at yOffset.
 */
function accumulateSample(net: Network, xs: ArrayLike<number>, xOffset: number, ys: ArrayLike<number>, yOffset: number, loss: LossKind): number {
  forwardFlat(net, xs, xOffset);
  const { params, grad, pre, post, delta, codes, alphas, layerIds, weightOffsets, biasOffsets, unitOffsets, layerSizes } = net;
  const L = net.layerCount;
  const outOff = unitOffsets[L];
  const nOut = layerSizes[L];
  let sampleLoss = 0;
  for (let j = 0; j < nOut; j++) {
    const z = pre[outOff + j];
    const a = post[outOff + j];
    const t = ys[yOffset + j];
    if (loss === "mse") {
      const diff = a - t;
      sampleLoss += 0.5 * diff * diff;
      delta[outOff + j] = diff * derivative(codes[L - 1], z, a, alphas[L - 1], layerIds[L - 1]);
    } else {
      sampleLoss += softplus(z) - t * z;
      delta[outOff + j] = sigmoid(z) - t;
    }
  }
  for (let l = L - 1; l >= 0; l--) {
    const nin = layerSizes[l];
    const nout = layerSizes[l + 1];
    const ai = unitOffsets[l];
    const ao = unitOffsets[l + 1];
    const wo = weightOffsets[l];
    const bo = biasOffsets[l];
    const back = l > 0;
    if (back) for (let k = 0; k < nin; k++) delta[ai + k] = 0;
    for (let j = 0; j < nout; j++) {
      const d = delta[ao + j];
      if (d === 0) continue;
      grad[bo + j] += d;
      const w = wo + j * nin;
      for (let k = 0; k < nin; k++) grad[w + k] += d * post[ai + k];
      if (back) for (let k = 0; k < nin; k++) delta[ai + k] += params[w + k] * d;
    }
    if (back) {
      const code = codes[l - 1];
      const alpha = alphas[l - 1];
      const id = layerIds[l - 1];
      for (let k = 0; k < nin; k++) delta[ai + k] *= derivative(code, pre[ai + k], post[ai + k], alpha, id);
    }
  }
  return sampleLoss;
}

/** The reference implementation of the compiled kernel: adds the summed gradient into net.grad, returns the summed loss. */
export function sumGradientsGeneric(
  net: Network,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  order: Int32Array | null,
  start: number,
  count: number,
  loss: LossKind,
): number {
  const nin = net.layerSizes[0];
  const nout = net.layerSizes[net.layerCount];
  let total = 0;
  for (let m = 0; m < count; m++) {
    const i = order ? order[start + m] : start + m;
    total += accumulateSample(net, xs, i * nin, ys, i * nout, loss);
  }
  return total;
}

/**
 * Sets net.grad to the mean gradient over `count` samples (sample i is order[start + i], or start + i when
 * order is null) and returns the mean loss. Inputs are rows of length layerSizes[0] in xs, targets rows
 * of length layerSizes[last] in ys.
 */
export function accumulateGradients(
  net: Network,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  order: Int32Array | null,
  start: number,
  count: number,
  loss: LossKind = "mse",
): number {
  const { grad } = net;
  grad.fill(0);
  const compiled = kernelsFor(net);
  const total = compiled
    ? compiled.accumulate(xs, ys, order, start, count, loss === "bce-logits")
    : sumGradientsGeneric(net, xs, ys, order, start, count, loss);
  const scale = 1 / count;
  for (let p = 0; p < grad.length; p++) grad[p] *= scale;
  return total * scale;
}

/** Applies net.grad (plus the L2 term) to the parameters with SGD or Adam. */
export function applyGradients(net: Network, options: TrainOptions): void {
  const { params, grad, adamM, adamV } = net;
  const lr = options.learningRate;
  const l2 = options.l2 ?? 0;
  if (l2 !== 0) {
    for (let l = 0; l < net.layerCount; l++) {
      const end = net.biasOffsets[l];
      for (let p = net.weightOffsets[l]; p < end; p++) grad[p] += l2 * params[p];
    }
  }
  if (options.optimizer === "sgd") {
    for (let p = 0; p < params.length; p++) params[p] -= lr * grad[p];
    return;
  }
  const t = ++net.adamStep;
  const c1 = 1 - Math.pow(BETA1, t);
  const c2 = 1 - Math.pow(BETA2, t);
  for (let p = 0; p < params.length; p++) {
    const g = grad[p];
    const m = (adamM[p] = BETA1 * adamM[p] + (1 - BETA1) * g);
    const v = (adamV[p] = BETA2 * adamV[p] + (1 - BETA2) * g * g);
    params[p] -= (lr * (m / c1)) / (Math.sqrt(v / c2) + EPSILON);
  }
}

/** One optimizer step on a batch taken from flat arrays (see accumulateGradients); returns the batch's mean loss before the step. */
export function trainRange(
  net: Network,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  order: Int32Array | null,
  start: number,
  count: number,
  options: TrainOptions,
): number {
  const loss = accumulateGradients(net, xs, ys, order, start, count, options.loss);
  applyGradients(net, options);
  return loss;
}

/**
 * One pass over the data in shuffled mini-batches (the last batch may be smaller). `order` is a reusable
 * permutation of 0…count−1, reshuffled here. Returns the mean of the batch losses, weighted by batch size.
 */
export function trainEpoch(
  net: Network,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  order: Int32Array,
  rng: Rng,
  options: TrainOptions & { batchSize: number },
): number {
  shuffleInPlace(order, rng);
  const n = order.length;
  const size = Math.max(1, Math.floor(options.batchSize));
  let total = 0;
  for (let start = 0; start < n; start += size) {
    const count = Math.min(size, n - start);
    total += count * trainRange(net, xs, ys, order, start, count, options);
  }
  return total / n;
}

function flatten(rows: number[][], width: number, what: string): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`${what}[${i}] needs ${width} values, got ${row.length}`);
    out.set(row, i * width);
  });
  return out;
}

function checkBatch(net: Network, inputs: number[][], targets: number[][]): [Float64Array, Float64Array] {
  if (inputs.length === 0) throw new RangeError("the batch is empty");
  if (inputs.length !== targets.length) throw new RangeError(`${inputs.length} inputs but ${targets.length} targets`);
  return [flatten(inputs, net.layerSizes[0], "inputs"), flatten(targets, net.layerSizes[net.layerCount], "targets")];
}

/** The mean loss over the batch and its gradient, as W[layer][out][in] and b[layer][out]. Does not change the network's parameters. */
export function gradients(
  net: Network,
  inputs: number[][],
  targets: number[][],
  options: { loss?: LossKind } = {},
): { loss: number; gradWeights: number[][][]; gradBiases: number[][] } {
  const [xs, ys] = checkBatch(net, inputs, targets);
  const loss = accumulateGradients(net, xs, ys, null, 0, inputs.length, options.loss);
  const gradWeights: number[][][] = [];
  const gradBiases: number[][] = [];
  for (let l = 0; l < net.layerCount; l++) {
    gradWeights.push(unflatten(net.grad, net.weightOffsets[l], net.layerSizes[l + 1], net.layerSizes[l]));
    gradBiases.push(Array.from(net.grad.subarray(net.biasOffsets[l], net.biasOffsets[l] + net.layerSizes[l + 1])));
  }
  return { loss, gradWeights, gradBiases };
}

/** One optimizer step on the batch; returns the batch's mean loss before the step. Use trainRange for hot loops (no copying). */
export function trainStep(net: Network, inputs: number[][], targets: number[][], options: TrainOptions): number {
  const [xs, ys] = checkBatch(net, inputs, targets);
  return trainRange(net, xs, ys, null, 0, inputs.length, options);
}

/** Mean loss over `count` samples of flat data, without changing the network. */
export function meanLoss(net: Network, xs: ArrayLike<number>, ys: ArrayLike<number>, count: number, loss: LossKind = "mse"): number {
  const nin = net.layerSizes[0];
  const nout = net.layerSizes[net.layerCount];
  const o = net.unitOffsets[net.layerCount];
  let total = 0;
  for (let i = 0; i < count; i++) {
    forwardFlat(net, xs, i * nin);
    for (let j = 0; j < nout; j++) {
      const t = ys[i * nout + j];
      if (loss === "mse") {
        const d = net.post[o + j] - t;
        total += 0.5 * d * d;
      } else {
        const z = net.pre[o + j];
        total += softplus(z) - t * z;
      }
    }
  }
  return total / count;
}

/** Fraction of samples whose single output is on the same side of `threshold` as its 0/1 label. */
export function accuracy(net: Network, xs: ArrayLike<number>, labels: ArrayLike<number>, count: number, threshold = 0.5): number {
  const nin = net.layerSizes[0];
  const o = net.unitOffsets[net.layerCount];
  let right = 0;
  for (let i = 0; i < count; i++) {
    forwardFlat(net, xs, i * nin);
    if (net.post[o] >= threshold === labels[i] >= 0.5) right++;
  }
  return count === 0 ? 0 : right / count;
}
