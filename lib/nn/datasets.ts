// Seeded 2-D binary classification data sets in the square [−1, 1]² (before noise), modelled on
// TensorFlow Playground's. Classes are exactly balanced so that chance accuracy is 0.5.
import { createRng, uniform, type Rng } from "./random";

export const DATASET_KINDS = ["circle", "xor", "gaussian", "spiral"] as const;
/** Which data set to generate. */
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** Options for makeDataset. */
export type DatasetOptions = {
  /** Number of points (rounded down to an even number, at least 2). Default 400. */
  count?: number;
  /** Noise in [0, 0.5]: each coordinate moves by up to ±noise (uniform). Default 0. */
  noise?: number;
  /** Default 1. */
  seed?: number;
};

/** Points as flat rows [x0, y0, x1, y1, …] and labels 0 or 1 (class 1 first, then class 0). */
export type Dataset = { kind: DatasetKind; count: number; xs: Float64Array; labels: Float64Array };

/** True when `s` names a data set. */
export function isDatasetKind(s: unknown): s is DatasetKind {
  return typeof s === "string" && (DATASET_KINDS as readonly string[]).includes(s);
}

type PointMaker = (rng: Rng, label: 0 | 1, i: number, perClass: number) => [number, number];

const makers: Record<DatasetKind, PointMaker> = {
  // Class 1 inside radius 0.5, class 0 on the ring 0.7–1.
  circle: (rng, label) => {
    const r = label === 1 ? uniform(rng, 0, 0.5) : uniform(rng, 0.7, 1);
    const t = uniform(rng, 0, 2 * Math.PI);
    return [r * Math.sin(t), r * Math.cos(t)];
  },
  // Class 1 in quadrants I and III, class 0 in II and IV, kept 0.06 away from the axes.
  xor: (rng, label) => {
    const x = uniform(rng, 0.06, 1) * (rng() < 0.5 ? -1 : 1);
    const y = uniform(rng, 0.06, 1) * Math.sign(x) * (label === 1 ? 1 : -1);
    return [x, y];
  },
  // Two round clusters of standard deviation 0.15 around ±(0.4, 0.4): linearly separable.
  gaussian: (rng, label) => {
    const c = label === 1 ? 0.4 : -0.4;
    const r = Math.sqrt(-2 * Math.log(1 - rng())) * 0.15;
    const t = uniform(rng, 0, 2 * Math.PI);
    return [c + r * Math.cos(t), c + r * Math.sin(t)];
  },
  // Two interleaved arms of 1.75 turns each.
  spiral: (_rng, label, i, perClass) => {
    const r = (i / perClass) * 0.95;
    const t = 1.75 * (i / perClass) * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
    return [r * Math.sin(t), r * Math.cos(t)];
  },
};

// Circle and XOR come in mirrored pairs (p and −p, same class): the data are then exactly point-symmetric,
// so the best a linear model can do under a convex loss is w = 0 — chance — rather than fitting the
// sampling noise of 400 points (decision 043).
const SYMMETRIC: ReadonlySet<DatasetKind> = new Set<DatasetKind>(["circle", "xor"]);

/** Generates a seeded data set; the same kind and options always give the same points. */
export function makeDataset(kind: DatasetKind, options: DatasetOptions = {}): Dataset {
  if (!isDatasetKind(kind)) throw new RangeError(`unknown data set "${String(kind)}"`);
  const requested = options.count ?? 400;
  if (!Number.isFinite(requested) || requested < 2) throw new RangeError("count must be at least 2");
  const noise = options.noise ?? 0;
  if (!(noise >= 0 && noise <= 0.5)) throw new RangeError("noise must be in [0, 0.5]");
  const perClass = Math.floor(requested / 2);
  const count = perClass * 2;
  const rng = createRng(options.seed ?? 1);
  const xs = new Float64Array(count * 2);
  const labels = new Float64Array(count);
  let i = 0;
  for (const label of [1, 0] as const) {
    for (let k = 0; k < perClass; k++, i++) {
      labels[i] = label;
      if (SYMMETRIC.has(kind) && k % 2 === 1) {
        xs[2 * i] = -xs[2 * i - 2];
        xs[2 * i + 1] = -xs[2 * i - 1];
        continue;
      }
      const [x, y] = makers[kind](rng, label, k, perClass);
      xs[2 * i] = x + uniform(rng, -1, 1) * noise;
      xs[2 * i + 1] = y + uniform(rng, -1, 1) * noise;
    }
  }
  return { kind, count, xs, labels };
}

/** The data set as rows, the shape gradients() and trainStep() take. */
export function datasetRows(data: Dataset): { inputs: number[][]; targets: number[][] } {
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let i = 0; i < data.count; i++) {
    inputs.push([data.xs[2 * i], data.xs[2 * i + 1]]);
    targets.push([data.labels[i]]);
  }
  return { inputs, targets };
}
