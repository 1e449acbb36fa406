// Messages between the playground and its training worker.
import type { UnitRef } from "@/lib/nn/regions";
import type { PlaygroundConfig } from "./playground-state";

export type ToWorker =
  | { type: "init"; config: PlaygroundConfig }
  | { type: "config"; config: PlaygroundConfig }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step" }
  | { type: "reset" }
  /** The page has drawn the last frame: the worker sends at most one frame ahead (back-pressure). */
  | { type: "ack" };

/** A picture of training: figures, plus the decision map (transferred, not copied). */
export type Frame = {
  type: "frame";
  epoch: number;
  loss: number;
  accuracy: number;
  regions: number | null;
  dead: UnitRef[];
  map: Float32Array;
  playing: boolean;
  /** Counts resets, so the page can drop a stale loss history. */
  generation: number;
};

export type FromWorker = Frame | { type: "error"; message: string };
