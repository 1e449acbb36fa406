// Messages between the playground and its training worker.
import type { Snapshot } from "./figures";
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

/** A picture of training: a snapshot's figures, plus the decision map (transferred, not copied). */
export type Frame = Snapshot & {
  type: "frame";
  playing: boolean;
  /** Counts resets, so the page can drop a stale loss history. */
  generation: number;
};

export type FromWorker = Frame | { type: "error"; message: string };
