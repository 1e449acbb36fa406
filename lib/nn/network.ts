// A fully connected network stored in one Float64Array, with every buffer the trainer needs allocated
// once at creation, so training and evaluation allocate nothing per sample (see docs/decisions/040).
import { ACTIVATIONS, isActivationId, type ActivationId } from "@/lib/math/activations";
import { kernelOf, activate } from "./kernels";
import { createRng, uniform } from "./random";

/** Options for createNetwork. Layer l maps layerSizes[l] inputs to layerSizes[l + 1] outputs. */
export type NetworkOptions = {
  /** [inputs, hidden…, outputs], each ≥ 1. */
  layerSizes: number[];
  /** One activation for every hidden layer, or one per hidden layer. */
  activations: ActivationId | ActivationId[];
  outputActivation: ActivationId;
  /** α of Leaky ReLU / ELU: one for all hidden layers or one per hidden layer; undefined → lib/math's default. */
  alphas?: number | (number | undefined)[];
  /** W[layer][out][in]; when absent, seeded PyTorch-style init U(−1/√fan_in, 1/√fan_in). */
  weights?: number[][][];
  /** b[layer][out]; when absent, seeded like the weights. */
  biases?: number[][];
  /** Seed of the initial weights (default 1). */
  seed?: number;
};

/** A network and its preallocated workspace. Mutated in place by the trainer. */
export type Network = {
  /** [inputs, hidden…, outputs]. */
  readonly layerSizes: readonly number[];
  /** Activation of each hidden layer. */
  readonly activations: readonly ActivationId[];
  readonly outputActivation: ActivationId;
  /** Number of weight layers (= hidden layers + 1). */
  readonly layerCount: number;
  /** Activation id per weight layer (hidden layers, then the output layer). */
  readonly layerIds: readonly ActivationId[];
  /** Kernel code per weight layer (see kernels.ts). */
  readonly codes: Int32Array;
  /** α per weight layer (NaN-free: the registry default when unset). */
  readonly alphas: Float64Array;
  /** All parameters: for each layer, W row-major [out][in], then b[out]. */
  readonly params: Float64Array;
  readonly weightOffsets: Int32Array;
  readonly biasOffsets: Int32Array;
  /** Offset of layer l's units (l = 0 is the input) in the per-sample buffers; length layerCount + 2. */
  readonly unitOffsets: Int32Array;
  /** Per-sample pre-activations z and activations a, all layers side by side. */
  readonly pre: Float64Array;
  readonly post: Float64Array;
  /** Per-sample ∂loss/∂z. */
  readonly delta: Float64Array;
  /** Gradient accumulator, same layout as params. */
  readonly grad: Float64Array;
  /** Adam moments, same layout as params. */
  readonly adamM: Float64Array;
  readonly adamV: Float64Array;
  /** Adam's step counter. */
  adamStep: number;
};

function alphaFor(id: ActivationId, alpha: number | undefined): number {
  const param = ACTIVATIONS[id].param;
  if (alpha === undefined) return param ? param.default : 0;
  if (!Number.isFinite(alpha)) throw new RangeError(`alpha must be finite, got ${alpha}`);
  return alpha;
}

/** Builds a network; throws RangeError on sizes, activations or parameter shapes that do not fit. */
export function createNetwork(options: NetworkOptions): Network {
  const sizes = options.layerSizes;
  if (sizes.length < 2) throw new RangeError("layerSizes needs at least an input and an output size");
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 1) throw new RangeError(`layer sizes must be positive integers, got ${s}`);
  }
  const layerCount = sizes.length - 1;
  const hidden = layerCount - 1;
  const acts = typeof options.activations === "string" ? new Array<ActivationId>(hidden).fill(options.activations) : options.activations;
  if (acts.length !== hidden) throw new RangeError(`expected ${hidden} hidden activations, got ${acts.length}`);
  for (const id of [...acts, options.outputActivation]) {
    if (!isActivationId(id)) throw new RangeError(`unknown activation "${String(id)}"`);
  }
  const alphaList = options.alphas === undefined || typeof options.alphas === "number" ? new Array(hidden).fill(options.alphas) : options.alphas;
  if (alphaList.length !== hidden) throw new RangeError(`expected ${hidden} alphas, got ${alphaList.length}`);

  const layerIds = [...acts, options.outputActivation];
  const codes = new Int32Array(layerCount);
  const alphas = new Float64Array(layerCount);
  for (let l = 0; l < layerCount; l++) {
    codes[l] = kernelOf(layerIds[l]);
    alphas[l] = alphaFor(layerIds[l], l < hidden ? alphaList[l] : undefined);
  }

  const weightOffsets = new Int32Array(layerCount);
  const biasOffsets = new Int32Array(layerCount);
  let n = 0;
  for (let l = 0; l < layerCount; l++) {
    weightOffsets[l] = n;
    n += sizes[l] * sizes[l + 1];
    biasOffsets[l] = n;
    n += sizes[l + 1];
  }
  const unitOffsets = new Int32Array(layerCount + 2);
  for (let l = 0; l <= layerCount; l++) unitOffsets[l + 1] = unitOffsets[l] + sizes[l];
  const units = unitOffsets[layerCount + 1];

  if (options.weights && options.weights.length !== layerCount) throw new RangeError(`weights needs ${layerCount} layers`);
  if (options.biases && options.biases.length !== layerCount) throw new RangeError(`biases needs ${layerCount} layers`);
  const params = new Float64Array(n);
  const rng = createRng(options.seed ?? 1);
  for (let l = 0; l < layerCount; l++) {
    const nin = sizes[l];
    const nout = sizes[l + 1];
    const bound = 1 / Math.sqrt(nin);
    for (let j = 0; j < nout; j++) {
      for (let k = 0; k < nin; k++) {
        const given = options.weights?.[l]?.[j]?.[k];
        params[weightOffsets[l] + j * nin + k] = options.weights ? checkedParam(given, `weights[${l}][${j}][${k}]`) : uniform(rng, -bound, bound);
      }
    }
    for (let j = 0; j < nout; j++) {
      const given = options.biases?.[l]?.[j];
      params[biasOffsets[l] + j] = options.biases ? checkedParam(given, `biases[${l}][${j}]`) : uniform(rng, -bound, bound);
    }
  }

  return {
    layerSizes: [...sizes],
    activations: [...acts],
    outputActivation: options.outputActivation,
    layerCount,
    layerIds,
    codes,
    alphas,
    params,
    weightOffsets,
    biasOffsets,
    unitOffsets,
    pre: new Float64Array(units),
    post: new Float64Array(units),
    delta: new Float64Array(units),
    grad: new Float64Array(n),
    adamM: new Float64Array(n),
    adamV: new Float64Array(n),
    adamStep: 0,
  };
}

function checkedParam(v: number | undefined, where: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`${where} must be a finite number`);
  return v;
}

/**
 * Runs one sample through the network, leaving z and a of every layer in net.pre / net.post.
 * Reads the input from `xs` starting at `xOffset`. The caller reads the output at unitOffsets[layerCount].
 */
export function forwardFlat(net: Network, xs: ArrayLike<number>, xOffset: number): void {
  const { params, pre, post, codes, alphas, weightOffsets, biasOffsets, unitOffsets, layerSizes, layerIds } = net;
  const n0 = layerSizes[0];
  for (let k = 0; k < n0; k++) {
    pre[k] = xs[xOffset + k];
    post[k] = xs[xOffset + k];
  }
  for (let l = 0; l < net.layerCount; l++) {
    const nin = layerSizes[l];
    const nout = layerSizes[l + 1];
    const ai = unitOffsets[l];
    const ao = unitOffsets[l + 1];
    const bo = biasOffsets[l];
    const code = codes[l];
    const alpha = alphas[l];
    let w = weightOffsets[l];
    for (let j = 0; j < nout; j++) {
      let s = params[bo + j];
      for (let k = 0; k < nin; k++) s += params[w++] * post[ai + k];
      pre[ao + j] = s;
      post[ao + j] = activate(code, s, alpha, layerIds[l]);
    }
  }
}

/** The network's output for one input (length layerSizes[0]). */
export function forward(net: Network, input: number[]): number[] {
  if (input.length !== net.layerSizes[0]) throw new RangeError(`input needs ${net.layerSizes[0]} values, got ${input.length}`);
  forwardFlat(net, input, 0);
  const o = net.unitOffsets[net.layerCount];
  return Array.from(net.post.subarray(o, o + net.layerSizes[net.layerCount]));
}

/** The weights as W[layer][out][in] (a copy). */
export function getWeights(net: Network): number[][][] {
  const out: number[][][] = [];
  for (let l = 0; l < net.layerCount; l++) out.push(unflatten(net.params, net.weightOffsets[l], net.layerSizes[l + 1], net.layerSizes[l]));
  return out;
}

/** The biases as b[layer][out] (a copy). */
export function getBiases(net: Network): number[][] {
  const out: number[][] = [];
  for (let l = 0; l < net.layerCount; l++) {
    const o = net.biasOffsets[l];
    out.push(Array.from(net.params.subarray(o, o + net.layerSizes[l + 1])));
  }
  return out;
}

/** Reads rows × cols values starting at `offset` as nested arrays. */
export function unflatten(flat: Float64Array, offset: number, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < rows; j++) out.push(Array.from(flat.subarray(offset + j * cols, offset + (j + 1) * cols)));
  return out;
}
