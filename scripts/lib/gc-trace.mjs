// Reads V8's `--trace-gc` lines (one per collection) for `bench:grading --gc`: how often each server process
// scavenged and mark-compacted during the measured phase, how long each paused it, and how much the heap grew
// per scavenge (what the scavenges promoted, less what little the old generation freed meanwhile).
import { quantile } from "./quantile.mjs";

// [pid:isolate]   1234 ms: Scavenge 110.6 (203.6) -> 61.7 (203.6) MB, 6.64 / 0.80 ms  (…)
// [pid:isolate]   1234 ms: Mark-Compact (reduce) 105.4 (203.6) -> 43.8 (63.3) MB, 27.01 / 1.11 ms  (…)
const LINE = /^\[(\d+):(0x[0-9a-f]+)\]\s+(\d+) ms: (Scavenge|Mark-Compact|Minor Mark-Sweep)\b[^\d]*([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+)/;

/** One collection from a `--trace-gc` line, or null for any other line. Sizes in MB, pause in ms. */
export function parseGcLine(line) {
  const m = LINE.exec(line);
  if (!m) return null;
  return {
    pid: Number(m[1]),
    isolate: m[2],
    atMs: Number(m[3]),
    kind: m[4] === "Mark-Compact" ? "mark-compact" : "scavenge",
    beforeMb: Number(m[5]),
    afterMb: Number(m[6]),
    pauseMs: Number(m[7]),
  };
}

/** Per process, the collections of its main isolate (the one with the most collections: a worker thread, such
 * as the WAL checkpointer, is an isolate of its own and collects rarely). */
export function summarizeGc(lines) {
  const byIsolate = new Map();
  for (const line of lines) {
    const gc = parseGcLine(line);
    if (!gc) continue;
    const key = `${gc.pid}:${gc.isolate}`;
    if (!byIsolate.has(key)) byIsolate.set(key, []);
    byIsolate.get(key).push(gc);
  }
  const main = new Map();
  for (const events of byIsolate.values()) {
    const pid = events[0].pid;
    if (!main.has(pid) || main.get(pid).length < events.length) main.set(pid, events);
  }
  return [...main.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([pid, events]) => {
      const scavenges = events.filter((e) => e.kind === "scavenge");
      const markCompacts = events.filter((e) => e.kind === "mark-compact");
      // The heap after a scavenge minus the heap after the collection before it, when that was a scavenge too.
      const growth = [];
      for (let i = 1; i < events.length; i++) {
        if (events[i].kind === "scavenge" && events[i - 1].kind === "scavenge") growth.push(events[i].afterMb - events[i - 1].afterMb);
      }
      const pauses = scavenges.map((e) => e.pauseMs);
      return {
        pid,
        seconds: events.length > 1 ? (events[events.length - 1].atMs - events[0].atMs) / 1000 : 0,
        scavenges: scavenges.length,
        scavengePauseMs: { p50: quantile(pauses, 0.5), p90: quantile(pauses, 0.9), max: pauses.length ? Math.max(...pauses) : NaN },
        heapGrowthPerScavengeMb: quantile(growth, 0.5),
        markCompacts: markCompacts.length,
        markCompactPausesMs: markCompacts.map((e) => e.pauseMs),
      };
    });
}
