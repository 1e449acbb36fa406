// The depth-gradient calculator: a chain of L scalar units h₀ = x, h_k = f(w·h_{k−1}). By the chain
// rule dh_L/dx = Π_k w·f′(w·h_{k−1}); with sigmoid (f′ ≤ 1/4) its size is at most (|w|/4)^L. Pure.

/** One activation as the chain needs it: the function and its derivative (PyTorch's value at kinks). */
export type ScalarActivation = { f: (x: number) => number; df: (x: number) => number };

/** Layer k of the chain (k = 1 … L): pre-activation z, output h, local derivative w·f′(z), and dh_k/dx. */
export type ChainStep = { layer: number; z: number; h: number; local: number; gradient: number };

/** Largest depth the calculator accepts; beyond it float64 underflows to 0 for sigmoid (0.25^L < 5e−324). */
export const MAX_CHAIN_DEPTH = 100;

/**
 * Runs x through `depth` units h_k = f(weight·h_{k−1}) and returns every layer's values and the running
 * derivative dh_k/dx (product of local derivatives). Throws RangeError for a depth outside 1 … MAX_CHAIN_DEPTH.
 */
export function chainGradient(act: ScalarActivation, depth: number, x: number, weight = 1): ChainStep[] {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_CHAIN_DEPTH) {
    throw new RangeError(`depth must be an integer from 1 to ${MAX_CHAIN_DEPTH}`);
  }
  const steps: ChainStep[] = [];
  let h = x;
  let gradient = 1;
  for (let layer = 1; layer <= depth; layer++) {
    const z = weight * h;
    const local = weight * act.df(z);
    gradient *= local;
    h = act.f(z);
    steps.push({ layer, z, h, local, gradient });
  }
  return steps;
}

/** The sigmoid bound on |dh_L/dx| through L units with weight w: (|w|·max σ′)^L, where max σ′ = σ′(0). */
export function sigmoidChainBound(depth: number, maxSigmoidDerivative: number, weight = 1): number {
  return (Math.abs(weight) * maxSigmoidDerivative) ** depth;
}
