// The dead-ReLU demo: one unit y = g(w·x + b) fitted to samples by mean squared error. When its
// pre-activation z is negative on every sample, ReLU's g′(z) = 0 everywhere, so both gradients are exactly
// zero and gradient descent can never move it again; Leaky ReLU's g′(z) = α keeps a gradient. Pure.

import type { ScalarActivation } from "./chain";

/** One training example: input x and target t. */
export type Sample = { x: number; t: number };

/** What the unit computes on one sample: pre-activation z, output y, and g′(z). */
export type SampleTrace = Sample & { z: number; y: number; dz: number };

/** The unit on the whole data set: per-sample traces, loss = mean ½(y − t)², its gradients, and how many z > 0. */
export type UnitReport = {
  samples: SampleTrace[];
  loss: number;
  gradW: number;
  gradB: number;
  activeCount: number;
  /** True when g′(z) = 0 on every sample: no gradient reaches w or b. */
  zeroGradient: boolean;
};

/** The demo's data: five inputs from −2 to 2 with targets t = x + 1 (any targets show the same effect). */
export const DEAD_UNIT_SAMPLES: readonly Sample[] = [-2, -1, 0, 1, 2].map((x) => ({ x, t: x + 1 }));

/** Evaluates the unit on `samples` and returns the loss gradients dL/dw = mean (y−t)·g′(z)·x and dL/db = mean (y−t)·g′(z). */
export function unitReport(act: ScalarActivation, w: number, b: number, samples: readonly Sample[] = DEAD_UNIT_SAMPLES): UnitReport {
  if (samples.length === 0) throw new RangeError("at least one sample is needed");
  let loss = 0;
  let gradW = 0;
  let gradB = 0;
  let activeCount = 0;
  let anyGradient = false;
  const traces = samples.map((s) => {
    const z = w * s.x + b;
    const y = act.f(z);
    const dz = act.df(z);
    const err = y - s.t;
    loss += 0.5 * err * err;
    gradW += err * dz * s.x;
    gradB += err * dz;
    if (z > 0) activeCount++;
    if (dz !== 0) anyGradient = true;
    return { ...s, z, y, dz };
  });
  const n = samples.length;
  return { samples: traces, loss: loss / n, gradW: gradW / n, gradB: gradB / n, activeCount, zeroGradient: !anyGradient };
}

/** One row of a training history: parameters before step `step`, the loss there, and its gradients. */
export type TrainingStep = { step: number; w: number; b: number; loss: number; gradW: number; gradB: number };

/** Runs `steps` steps of full-batch gradient descent with learning rate `lr`; returns steps + 1 rows (the last has the final parameters). */
export function trainUnit(act: ScalarActivation, w: number, b: number, lr: number, steps: number, samples: readonly Sample[] = DEAD_UNIT_SAMPLES): TrainingStep[] {
  const rows: TrainingStep[] = [];
  for (let step = 0; step <= steps; step++) {
    const r = unitReport(act, w, b, samples);
    rows.push({ step, w, b, loss: r.loss, gradW: r.gradW, gradB: r.gradB });
    w -= lr * r.gradW;
    b -= lr * r.gradB;
  }
  return rows;
}
