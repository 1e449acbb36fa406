// Reads a playground's configuration back from a link and validates it (zod/mini). Loaded only when the
// address carries playground settings, so a plain visit does not download or evaluate the validator
// (docs/decisions/064).
import { z } from "zod/mini";
import { ACTIVATION_IDS, ACTIVATIONS } from "@/lib/math/activations";
import { DATASET_KINDS } from "@/lib/nn/datasets";
import { MAX_LAYERS, MAX_UNITS, type PlaygroundConfig, type UrlName } from "./playground-state";

// zod/mini rather than zod: the same checks in ~16 KB gzip instead of ~30 KB (decision 064).
const intIn = (min: number, max: number, what: string) =>
  z.int(`${what} must be a whole number`).check(z.gte(min, `${what} must be at least ${min}`), z.lte(max, `${what} must be at most ${max}`));
const numberIn = (min: number, max: number, what: string) =>
  z.number(`${what} must be a number`).check(z.gte(min, `${what} must be at least ${min}`), z.lte(max, `${what} must be at most ${max}`));
const oneOf = <T extends string>(values: readonly T[], what: string) => z.enum(values as [T, ...T[]], `${what} must be one of ${values.join(", ")}`);

const layerSchema = z
  .object({
    units: intIn(1, MAX_UNITS, "units"),
    activation: oneOf(ACTIVATION_IDS, "activation"),
    alpha: z.number("α must be a number"),
  })
  .check(
    z.superRefine((l, ctx) => {
      const p = ACTIVATIONS[l.activation].param;
      if (p && !(l.alpha >= p.min && l.alpha <= p.max)) {
        ctx.addIssue({ code: "custom", path: ["alpha"], message: `α of ${ACTIVATIONS[l.activation].label} must be between ${p.min} and ${p.max}`, input: l.alpha });
      }
    }),
  );

export const configSchema = z.object({
  dataset: oneOf(DATASET_KINDS, "dataset"),
  noise: numberIn(0, 0.5, "noise"),
  seed: intIn(1, 999_999, "seed"),
  layers: z.array(layerSchema).check(z.maxLength(MAX_LAYERS, `at most ${MAX_LAYERS} hidden layers`)),
  learningRate: z.number("learning rate must be a number").check(z.positive("learning rate must be positive"), z.lte(10, "learning rate must be at most 10")),
  batchSize: intIn(1, 400, "batch size"),
  optimizer: oneOf(["sgd", "adam"] as const, "optimizer"),
  speed: intIn(0, 1000, "speed"),
});

export type UrlParse = { config: PlaygroundConfig; error: null } | { config: null; error: { field: string; message: string } };

const list = (s: string | undefined) => (s === undefined || s === "" ? [] : s.split(","));
const toNumber = (s: string | undefined) => (s === undefined || s.trim() === "" ? Number.NaN : Number(s));

/**
 * Reads a configuration from query values, filling what is missing from `fallback`. Anything present but
 * invalid is an error naming the field, so a mangled link is reported, not half-applied.
 */
export function configFromUrl(values: Partial<Record<UrlName, string>>, fallback: PlaygroundConfig): UrlParse {
  if (Object.keys(values).length === 0) return { config: fallback, error: null };
  const units = values.units !== undefined ? list(values.units).map(Number) : fallback.layers.map((l) => l.units);
  const acts = values.act !== undefined ? list(values.act) : fallback.layers.map((l) => l.activation);
  const alphas = values.alpha !== undefined ? list(values.alpha).map(Number) : fallback.layers.map((l) => l.alpha);
  if (acts.length !== units.length) return { config: null, error: { field: "act", message: `expected ${units.length} activations, one per hidden layer` } };
  if (alphas.length !== units.length) return { config: null, error: { field: "alpha", message: `expected ${units.length} α values, one per hidden layer` } };
  const candidate = {
    dataset: values.data ?? fallback.dataset,
    noise: values.noise !== undefined ? toNumber(values.noise) : fallback.noise,
    seed: values.seed !== undefined ? toNumber(values.seed) : fallback.seed,
    layers: units.map((u, i) => ({ units: u, activation: acts[i], alpha: alphas[i] })),
    learningRate: values.lr !== undefined ? toNumber(values.lr) : fallback.learningRate,
    batchSize: values.batch !== undefined ? toNumber(values.batch) : fallback.batchSize,
    optimizer: values.opt ?? fallback.optimizer,
    speed: values.speed !== undefined ? toNumber(values.speed) : fallback.speed,
  };
  const parsed = configSchema.safeParse(candidate);
  if (parsed.success) return { config: parsed.data, error: null };
  const issue = parsed.error.issues[0];
  const path = issue.path;
  const field = path[0] === "layers" ? (path[2] === "activation" ? "act" : path[2] === "alpha" ? "alpha" : "units") : urlNameOf(String(path[0]));
  return { config: null, error: { field, message: issue.message } };
}

function urlNameOf(key: string): string {
  const map: Record<string, UrlName> = { dataset: "data", noise: "noise", seed: "seed", learningRate: "lr", batchSize: "batch", optimizer: "opt", speed: "speed", layers: "units" };
  return map[key] ?? key;
}
