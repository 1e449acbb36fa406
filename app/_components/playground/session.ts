// A training session: data, network and optimizer state for one playground configuration. Runs in the
// worker while playing; the server builds one to compute the untrained network's figures for the first paint,
// and the page loads this module only where it cannot start a worker.
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
} from "@/lib/nn";
import { DATA_COUNT, MAP_GRID, type Figures, type Snapshot } from "./figures";
import type { PlaygroundConfig } from "./playground-state";


export type Session = { config: PlaygroundConfig; data: Dataset; net: Network; order: Int32Array; rng: Rng; epoch: number };


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
