// A training session: data, network and optimizer state for one playground configuration. Runs in the
// worker while playing; the component also builds one on the server and at hydration to show the
// untrained network's figures, so the first paint is complete and identical on both sides.
import {
  accuracy,
  createNetwork,
  createRng,
  deadUnitsFlat,
  evaluateGrid,
  isPiecewiseLinear,
  makeDataset,
  meanLoss,
  trainEpoch,
  type Dataset,
  type Network,
  type Rng,
  type UnitRef,
} from "@/lib/nn";
import type { PlaygroundConfig } from "./playground-state";

/** The decision map's square window and resolution. */
export const MAP_GRID = { min: -1.2, max: 1.2, pointsPerAxis: 100 } as const;
export const DATA_COUNT = 400;

export type Session = { config: PlaygroundConfig; data: Dataset; net: Network; order: Int32Array; rng: Rng; epoch: number };

/** What the page shows after some training: figures, plus the map as n×n probabilities (row 0 at the top). */
export type Snapshot = {
  epoch: number;
  loss: number;
  accuracy: number;
  /** Linear regions in the map window, or null when the network is not piecewise linear. */
  regions: number | null;
  dead: UnitRef[];
  map: Float32Array;
};

/** A snapshot's figures without its map: what the server hands the page so hydration computes nothing. */
export type Figures = Omit<Snapshot, "map">;

/** The untrained network's figures for a configuration (the server computes these for the first paint). */
export function untrainedFigures(config: PlaygroundConfig): Figures {
  const { map: _map, ...figures } = snapshot(createSession(config));
  return figures;
}

export function createSession(config: PlaygroundConfig): Session {
  const data = makeDataset(config.dataset, { count: DATA_COUNT, noise: config.noise, seed: config.seed });
  const net = createNetwork({
    layerSizes: [2, ...config.layers.map((l) => l.units), 1],
    activations: config.layers.map((l) => l.activation),
    alphas: config.layers.map((l) => l.alpha),
    outputActivation: "sigmoid",
    seed: config.seed,
  });
  return { config, data, net, order: Int32Array.from({ length: data.count }, (_, i) => i), rng: createRng(config.seed * 7919 + 17), epoch: 0 };
}

/** Trains `epochs` passes over the data with the session's current learning rate, batch size and optimizer. */
export function trainEpochs(s: Session, epochs: number): void {
  const { learningRate, batchSize, optimizer } = s.config;
  for (let e = 0; e < epochs; e++) {
    trainEpoch(s.net, s.data.xs, s.data.labels, s.order, s.rng, { learningRate, optimizer, batchSize, loss: "bce-logits" });
    s.epoch++;
  }
}

/** The figures and decision map of the network as it is now; `map` is reused when given. */
export function snapshot(s: Session, map?: Float32Array): Snapshot {
  const out = map ?? new Float32Array(MAP_GRID.pointsPerAxis ** 2);
  const counted = evaluateGrid(s.net, MAP_GRID, out);
  const { xs, labels, count } = s.data;
  return {
    epoch: s.epoch,
    loss: meanLoss(s.net, xs, labels, count, "bce-logits"),
    accuracy: accuracy(s.net, xs, labels, count),
    regions: isPiecewiseLinear(s.net) ? counted : null,
    dead: deadUnitsFlat(s.net, xs, count),
    map: out,
  };
}
