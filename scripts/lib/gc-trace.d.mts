export type GcEvent = { pid: number; isolate: string; atMs: number; kind: "scavenge" | "mark-compact"; beforeMb: number; afterMb: number; pauseMs: number };
export type GcSummary = {
  pid: number;
  seconds: number;
  scavenges: number;
  scavengePauseMs: { p50: number; p90: number; max: number };
  heapGrowthPerScavengeMb: number;
  markCompacts: number;
  markCompactPausesMs: number[];
};
export function parseGcLine(line: string): GcEvent | null;
export function summarizeGc(lines: readonly string[]): GcSummary[];
