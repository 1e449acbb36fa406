// The playground's whole configuration: presets, limits, and the query-string form that makes a link
// reproduce it (read back and validated by playground-url.ts). Pure, shared by the component, the worker and the tests.
import { ACTIVATIONS, type ActivationId } from "@/lib/math/activations";
import type { DatasetKind } from "@/lib/nn/datasets";

export const MAX_LAYERS = 4;
export const MAX_UNITS = 8;
export const LEARNING_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3] as const;
export const BATCH_SIZES = [1, 5, 10, 20, 50, 100, 400] as const;
/** Epochs per second while playing; 0 = as fast as the worker can. */
export const SPEEDS = [5, 20, 60, 0] as const;

/** One hidden layer: its width, activation, and α (used by Leaky ReLU and ELU). */
export type LayerConfig = { units: number; activation: ActivationId; alpha: number };

export type PlaygroundConfig = {
  dataset: DatasetKind;
  noise: number;
  seed: number;
  layers: LayerConfig[];
  learningRate: number;
  batchSize: number;
  optimizer: "sgd" | "adam";
  speed: number;
};

/** The registry's default α of an activation; activations without α carry 0.01, which they ignore. */
export function defaultAlpha(id: ActivationId): number {
  return ACTIVATIONS[id].param?.default ?? 0.01;
}

const layers = (n: number, units: number, activation: ActivationId): LayerConfig[] =>
  Array.from({ length: n }, () => ({ units, activation, alpha: defaultAlpha(activation) }));

const base: PlaygroundConfig = { dataset: "circle", noise: 0.05, seed: 1, layers: [], learningRate: 0.03, batchSize: 10, optimizer: "adam", speed: 20 };

export type Preset = { title: string; description: string; config: PlaygroundConfig };

export const PRESETS = {
  "linear-circle": {
    title: "A linear network on the circle",
    description: "Two hidden layers of 8 units with linear activations: still one linear map, so its boundary is one straight line and accuracy stays near chance (0.5).",
    config: { ...base, layers: layers(2, 8, "linear") },
  },
  "relu-circle": {
    title: "A small ReLU network on the circle",
    description: "The same 2-8-8-1 shape with ReLU: the boundary bends along the units' creases and training accuracy climbs to about 1.",
    config: { ...base, layers: layers(2, 8, "relu") },
  },
  "linear-xor": {
    title: "A linear network on XOR",
    description: "No straight line separates opposite corners: accuracy stays near chance.",
    config: { ...base, dataset: "xor", layers: layers(1, 8, "linear") },
  },
  "relu-xor": {
    title: "A ReLU network on XOR",
    description: "One hidden layer of 8 ReLU units separates the four quadrants.",
    config: { ...base, dataset: "xor", layers: layers(1, 8, "relu") },
  },
  "linear-spiral": {
    title: "A linear network on the spiral",
    description: "Two interleaved arms: a straight line cannot follow them.",
    config: { ...base, dataset: "spiral", noise: 0, layers: layers(3, 8, "linear") },
  },
  "relu-spiral": {
    title: "A ReLU network on the spiral",
    description: "Three layers of 8 ReLU units carve enough linear regions to follow the arms (give it a few hundred epochs).",
    config: { ...base, dataset: "spiral", noise: 0, learningRate: 0.01, layers: layers(3, 8, "relu") },
  },
  "dead-relu": {
    title: "Too large a learning rate kills ReLU units",
    description: "Learning rate 3 with plain SGD, one sample per step: within a few epochs most ReLU units are off on every point, get zero gradient and stop learning. Switch both layers to Leaky ReLU and reset: no unit dies.",
    config: { ...base, learningRate: 3, optimizer: "sgd", batchSize: 1, layers: layers(2, 8, "relu") },
  },
  "regions-growth": {
    title: "Linear regions grow with units and layers",
    description: "Start with one layer of 2 ReLU units (at most 4 regions) and add units, then layers: watch the count of linear regions grow.",
    config: { ...base, layers: layers(1, 2, "relu") },
  },
} satisfies Record<string, Preset>;

export type PresetId = keyof typeof PRESETS;

export function isPresetId(s: unknown): s is PresetId {
  return typeof s === "string" && Object.hasOwn(PRESETS, s);
}

/** The preset a lesson asked for, or "relu-circle" when the id is unknown. */
export function resolvePreset(preset: unknown): PresetId {
  return isPresetId(preset) ? preset : "relu-circle";
}

/** Query-parameter names (after the instance's prefix) of each part of the configuration. */
export const URL_NAMES = ["data", "noise", "seed", "units", "act", "alpha", "lr", "batch", "opt", "speed"] as const;
export type UrlName = (typeof URL_NAMES)[number];

/** The configuration as query values: lists are comma-separated, one entry per hidden layer. */
export function configToUrl(c: PlaygroundConfig): Record<UrlName, string> {
  return {
    data: c.dataset,
    noise: String(c.noise),
    seed: String(c.seed),
    units: c.layers.map((l) => l.units).join(","),
    act: c.layers.map((l) => l.activation).join(","),
    alpha: c.layers.map((l) => l.alpha).join(","),
    lr: String(c.learningRate),
    batch: String(c.batchSize),
    opt: c.optimizer,
    speed: String(c.speed),
  };
}

/** True when switching from a to b needs a fresh network (data or architecture changed); rate, batch, optimizer and speed apply live. */
export function needsReset(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return a.dataset !== b.dataset || a.noise !== b.noise || a.seed !== b.seed || JSON.stringify(a.layers) !== JSON.stringify(b.layers);
}
