// What a playground shows: the decision map's window, the data set's size and the figures of a snapshot.
// Kept apart from session.ts so the page's chunk carries these without the trainer (docs/decisions/064).
import type { UnitRef } from "@/lib/nn/regions";

/** The decision map's square window and resolution. */
export const MAP_GRID = { min: -1.2, max: 1.2, pointsPerAxis: 100 } as const;
export const DATA_COUNT = 400;

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
