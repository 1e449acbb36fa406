// Specialised kernels for one network shape: straight-line JavaScript generated once per network, with
// every weight index a constant and every unit a local variable. Loops over 2- and 8-element rows cost
// more than the arithmetic in them, so this runs several times faster than the generic loops in
// network.ts / train.ts, which remain the reference and the fallback (decision 040; equality is tested).
import { ACTIVATIONS } from "@/lib/math/activations";
import { K_LEAKY, K_LINEAR, K_RELU, K_SIGMOID, K_TANH, sigmoid, softplus } from "./kernels";
import type { Network } from "./network";

/** Adds the mean-free gradient sum of samples order[start…start+count) (or start… when order is null) into g; returns the summed loss. */
export type AccumulateKernel = (
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  order: Int32Array | null,
  start: number,
  count: number,
  bce: boolean,
) => number;

/** Evaluates an n×n grid (row 0 at y = max); writes outputs to `out` when given and pattern keys into `seen` when given. */
export type GridKernel = (
  min: number,
  max: number,
  step: number,
  n: number,
  out: Float32Array | Float64Array | null,
  seen: Set<number> | null,
) => void;

export type Kernels = { accumulate: AccumulateKernel; grid: GridKernel | null };

/** Above this many parameters the generated source gets large; the generic loops are used instead. */
const MAX_COMPILED_PARAMS = 4096;

const cache = new WeakMap<Network, Kernels | null>();

/** The compiled kernels of a network, or null when it is too large, on a page's main thread, or where `new Function` is refused. */
export function kernelsFor(net: Network): Kernels | null {
  if (cache.has(net)) return cache.get(net) ?? null;
  let k: Kernels | null = null;
  if (net.params.length <= MAX_COMPILED_PARAMS && !inPage()) {
    try {
      k = compile(net);
    } catch {
      k = null; // e.g. "unsafe-eval" blocked: the generic loops are correct, just slower
    }
  }
  cache.set(net, k);
  return k;
}

/**
 * True on a web page's main thread. The site's Content-Security-Policy forbids eval there, and even a
 * caught attempt is reported as a console error, so pages use the generic loops; the playground trains
 * in a worker (whose script carries no such policy), and Node (server render, tests, bench) compiles.
 */
function inPage(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== "undefined";
}

const num = (x: number) => (Object.is(x, -0) ? "0" : String(x));

/**
 * tanh through one exp: 1 − 2/(e^{2z} + 1). About 20 % faster per 100×100 map than Math.tanh here, with an
 * absolute error below 3e-16 (relative error grows only as z → 0, where the value itself is tiny); ±1 at the
 * extremes (e^{2z} overflows to ∞ or underflows to 0) and NaN for NaN. Used for maps, which are drawn, not for
 * training, whose gradients keep Math.tanh (docs/decisions/065-grid-tanh.md).
 */
const tanhByExp = (z: string) => `(1 - 2 / (Math.exp(2 * ${z}) + 1))`;

function actExpr(net: Network, l: number, z: string, forMap = false): string {
  switch (net.codes[l]) {
    case K_LINEAR:
      return z;
    case K_RELU:
      return `(${z} > 0 ? ${z} : 0)`;
    case K_LEAKY:
      return `(${z} > 0 ? ${z} : ${num(net.alphas[l])} * ${z})`;
    case K_TANH:
      return forMap ? tanhByExp(z) : `Math.tanh(${z})`;
    case K_SIGMOID:
      return `sigmoid(${z})`;
    default:
      return `F[${l}](${z}, ${num(net.alphas[l])})`;
  }
}

/** d·f′(z) for layer l, given z and a = f(z). */
function derivExpr(net: Network, l: number, d: string, z: string, a: string): string {
  switch (net.codes[l]) {
    case K_LINEAR:
      return d;
    case K_RELU:
      return `(${z} > 0 ? ${d} : 0)`;
    case K_LEAKY:
      return `(${z} > 0 ? ${d} : ${num(net.alphas[l])} * ${d})`;
    case K_TANH:
      return `${d} * (1 - ${a} * ${a})`;
    case K_SIGMOID:
      return `${d} * ${a} * (1 - ${a})`;
    default:
      return `${d} * DF[${l}](${z}, ${num(net.alphas[l])})`;
  }
}

/** Copies every parameter into a local (w0, w1, …): the parameters do not change during one kernel call. */
function loadParams(net: Network): string {
  return Array.from(net.params, (_, i) => `const w${i} = p[${i}];`).join("\n");
}

/** Straight-line forward pass from locals a0_k to z{L}_j / a{L}_j (`forMap`: see tanhByExp). */
function forwardSource(net: Network, first = 0, forMap = false): string {
  const lines: string[] = [];
  const sizes = net.layerSizes;
  for (let l = first; l < net.layerCount; l++) {
    const nin = sizes[l];
    for (let j = 0; j < sizes[l + 1]; j++) {
      const terms = [`w${net.biasOffsets[l] + j}`];
      for (let k = 0; k < nin; k++) terms.push(`w${net.weightOffsets[l] + j * nin + k} * a${l}_${k}`);
      lines.push(`const z${l + 1}_${j} = ${terms.join(" + ")};`);
      lines.push(`const a${l + 1}_${j} = ${actExpr(net, l, `z${l + 1}_${j}`, forMap)};`);
    }
  }
  return lines.join("\n");
}

function compile(net: Network): Kernels {
  const sizes = net.layerSizes;
  const L = net.layerCount;
  const nin0 = sizes[0];
  const nOut = sizes[L];
  const fwd = forwardSource(net);

  // Backward: d{l}_j = ∂loss/∂z{l}_j, gradients added into g.
  const back: string[] = [];
  for (let j = 0; j < nOut; j++) {
    const z = `z${L}_${j}`;
    const a = `a${L}_${j}`;
    back.push(`const t${j} = ys[i * ${nOut} + ${j}];`);
    back.push(`let d${L}_${j};`);
    back.push(`if (bce) { loss += softplus(${z}) - t${j} * ${z}; d${L}_${j} = sigmoid(${z}) - t${j}; }`);
    back.push(`else { const e = ${a} - t${j}; loss += 0.5 * e * e; d${L}_${j} = ${derivExpr(net, L - 1, "e", z, a)}; }`);
  }
  for (let l = L - 1; l >= 0; l--) {
    const nin = sizes[l];
    const nout = sizes[l + 1];
    for (let j = 0; j < nout; j++) {
      const d = `d${l + 1}_${j}`;
      back.push(`g[${net.biasOffsets[l] + j}] += ${d};`);
      for (let k = 0; k < nin; k++) back.push(`g[${net.weightOffsets[l] + j * nin + k}] += ${d} * a${l}_${k};`);
    }
    if (l > 0) {
      for (let k = 0; k < nin; k++) {
        const sum: string[] = [];
        for (let j = 0; j < nout; j++) sum.push(`w${net.weightOffsets[l] + j * nin + k} * d${l + 1}_${j}`);
        back.push(`const d${l}_${k} = ${derivExpr(net, l - 1, `(${sum.join(" + ")})`, `z${l}_${k}`, `a${l}_${k}`)};`);
      }
    }
  }
  const inputs = Array.from({ length: nin0 }, (_, k) => `const a0_${k} = xs[i * ${nin0} + ${k}];`).join("\n");
  const accumulateSrc = `return function accumulate(xs, ys, order, start, count, bce) {
${loadParams(net)}
let loss = 0;
for (let m = 0; m < count; m++) {
const i = order === null ? start + m : order[start + m];
${inputs}
${fwd}
${back.join("\n")}
}
return loss;
};`;

  // Grid: only for 2-input networks. Pattern keys are exact integers while ≤ 52 kinked units count.
  let gridSrc: string | null = null;
  if (nin0 === 2) {
    const bits: string[] = [];
    for (let l = 0; l < L - 1; l++) {
      if (net.codes[l] !== K_RELU && net.codes[l] !== K_LEAKY) continue;
      for (let j = 0; j < sizes[l + 1]; j++) bits.push(`(z${l + 1}_${j} > 0 ? 1 : 0)`);
    }
    const keySrc = bits.length === 0 || bits.length > 52 ? "" : `if (seen !== null) { let key = 0; ${bits.map((b) => `key = key * 2 + ${b};`).join(" ")} seen.add(key); }`;
    // The first layer is separable on a grid: z = (w·x) + (w·y + b), column part and row part computed
    // once. For tanh, tanh(u + v) = (tanh u + tanh v)/(1 + tanh u·tanh v) then saves half the tanh calls;
    // where the denominator is small (both saturated, opposite signs) it falls back to tanh(z).
    const h = sizes[1];
    const tanh1 = net.codes[0] === K_TANH;
    const first: string[] = [];
    for (let j = 0; j < h; j++) {
      first.push(`const z1_${j} = cz[${j} * n + c] + rz${j};`);
      if (tanh1) {
        first.push(`const A${j} = ct[${j} * n + c];`);
        first.push(`const q${j} = 1 + A${j} * rt${j};`);
        first.push(`const a1_${j} = q${j} > 0.01 ? (A${j} + rt${j}) / q${j} : Math.tanh(z1_${j});`);
      } else {
        first.push(`const a1_${j} = ${actExpr(net, 0, `z1_${j}`)};`);
      }
    }
    const rows: string[] = [];
    for (let j = 0; j < h; j++) {
      rows.push(`const rz${j} = w${net.biasOffsets[0] + j} + w${net.weightOffsets[0] + j * 2 + 1} * y;`);
      if (tanh1) rows.push(`const rt${j} = Math.tanh(rz${j});`);
    }
    const cols: string[] = [];
    for (let j = 0; j < h; j++) {
      cols.push(`cz[${j} * n + c] = w${net.weightOffsets[0] + j * 2} * (min + c * step);`);
      if (tanh1) cols.push(`ct[${j} * n + c] = Math.tanh(cz[${j} * n + c]);`);
    }
    gridSrc = `return function grid(min, max, step, n, out, seen) {
${loadParams(net)}
const cz = new Float64Array(${h} * n);
const ct = ${tanh1 ? `new Float64Array(${h} * n)` : "null"};
for (let c = 0; c < n; c++) {
${cols.join("\n")}
}
for (let r = 0; r < n; r++) {
const y = max - r * step;
${rows.join("\n")}
for (let c = 0; c < n; c++) {
${first.join("\n")}
${forwardSource(net, 1, true)}
if (out !== null) out[r * n + c] = a${L}_0;
${keySrc}
}
}
};`;
  }

  const F = net.layerIds.map((id) => ACTIVATIONS[id].f);
  const DF = net.layerIds.map((id) => ACTIVATIONS[id].df);
  const make = (src: string) => new Function("p", "g", "F", "DF", "sigmoid", "softplus", src)(net.params, net.grad, F, DF, sigmoid, softplus);
  return { accumulate: make(accumulateSrc) as AccumulateKernel, grid: gridSrc ? (make(gridSrc) as GridKernel) : null };
}
