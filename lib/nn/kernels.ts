// Activation kernels for the hot loops. The common activations are computed inline (a switch on a small
// integer is far cheaper than a call through the registry); the rest call lib/math. Values agree with
// ACTIVATIONS[id].f / .df (tested in kernels.test.ts), derivatives follow PyTorch at the kinks.
import { ACTIVATIONS, type ActivationId } from "@/lib/math/activations";

export const K_LINEAR = 0;
export const K_SIGMOID = 1;
export const K_TANH = 2;
export const K_RELU = 3;
export const K_LEAKY = 4;
/** Any other activation: evaluated through lib/math. */
export const K_OTHER = 5;

/** The kernel code of an activation id. */
export function kernelOf(id: ActivationId): number {
  switch (id) {
    case "linear":
      return K_LINEAR;
    case "sigmoid":
      return K_SIGMOID;
    case "tanh":
      return K_TANH;
    case "relu":
      return K_RELU;
    case "leaky-relu":
      return K_LEAKY;
    default:
      return K_OTHER;
  }
}

/** f(z) for a kernel code; `id` is used only for K_OTHER. */
export function activate(code: number, z: number, alpha: number, id: ActivationId): number {
  switch (code) {
    case K_LINEAR:
      return z;
    case K_RELU:
      return z > 0 ? z : 0;
    case K_LEAKY:
      return z > 0 ? z : alpha * z;
    case K_TANH:
      return Math.tanh(z);
    case K_SIGMOID:
      return sigmoid(z);
    default:
      return ACTIVATIONS[id].f(z, alpha);
  }
}

/** f′(z) for a kernel code, given z and a = f(z) (tanh and sigmoid reuse a). */
export function derivative(code: number, z: number, a: number, alpha: number, id: ActivationId): number {
  switch (code) {
    case K_LINEAR:
      return 1;
    case K_RELU:
      return z > 0 ? 1 : 0;
    case K_LEAKY:
      return z > 0 ? 1 : alpha;
    case K_TANH:
      return 1 - a * a;
    case K_SIGMOID:
      return a * (1 - a);
    default:
      return ACTIVATIONS[id].df(z, alpha);
  }
}

/** The logistic function, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

