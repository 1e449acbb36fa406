import { describe, expect, it } from "vitest";
import { parseGcLine, summarizeGc } from "./gc-trace.mjs";

// Lines as Node 20's `--trace-gc` printed them under bench:grading (two server processes, 16038 and 16039; the
// 0x7f… isolate of 16038 is its WAL checkpointer's worker thread).
const lines = [
  "[16038:0x14105f80]    81628 ms: Scavenge 120.0 (296.9) -> 64.7 (296.9) MB, 13.41 / 0.63 ms  (average mu = 0.996, current mu = 0.998) task; ",
  "[16038:0x7f1cd4001000]    81700 ms: Scavenge 3.2 (3.2) -> 2.8 (4.2) MB, 4.02 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure; ",
  "[16038:0x14105f80]    81907 ms: Scavenge 118.4 (296.9) -> 67.0 (296.9) MB, 7.38 / 0.59 ms  (average mu = 0.996, current mu = 0.998) task; ",
  "› Serving on http://127.0.0.1:3310 with 2 server processes",
  "[16039:0x2a3b4f80]    81950 ms: Scavenge 119.0 (290.0) -> 60.0 (290.0) MB, 5.00 / 0.50 ms  (average mu = 0.996, current mu = 0.998) task; ",
  "[16038:0x14105f80]    82161 ms: Scavenge 119.9 (296.9) -> 68.7 (296.9) MB, 5.44 / 0.63 ms  (average mu = 0.996, current mu = 0.998) task; ",
  "[16038:0x14105f80]    82500 ms: Mark-Compact 71.3 (118.3) -> 47.4 (119.1) MB, 20.87 / 0.14 ms  (+ 5.8 ms in 47 steps since start of marking, biggest step 2.6 ms, walltime since start of marking 118 ms) (average mu = 0.995, current mu = 0.869) finalize incremental marking via task; GC in old space requested",
  "[16038:0x14105f80]    82700 ms: Scavenge 101.0 (296.9) -> 50.0 (296.9) MB, 6.00 / 0.63 ms  (average mu = 0.996, current mu = 0.998) task; ",
  "[16038:0x14105f80]    83343 ms: Scavenge 121.0 (296.9) -> 53.0 (296.9) MB, 16.00 / 1.14 ms  (average mu = 0.996, current mu = 0.998) task; ",
  "[16039:0x2a3b4f80]    83950 ms: Mark-Compact (reduce) 105.4 (203.6) -> 43.8 (63.3) MB, 27.01 / 1.11 ms  (+ 31.1 ms in 12 steps since start of marking) (average mu = 0.99) finalize incremental marking via task; GC in old space requested",
];

describe("parseGcLine", () => {
  it("reads a scavenge and a mark-compact, and nothing else", () => {
    expect(parseGcLine(lines[0])).toEqual({ pid: 16038, isolate: "0x14105f80", atMs: 81628, kind: "scavenge", beforeMb: 120, afterMb: 64.7, pauseMs: 13.41 });
    expect(parseGcLine(lines[lines.length - 1])).toMatchObject({ pid: 16039, kind: "mark-compact", beforeMb: 105.4, afterMb: 43.8, pauseMs: 27.01 });
    expect(parseGcLine(lines[3])).toBeNull();
    expect(parseGcLine("")).toBeNull();
  });
});

describe("summarizeGc", () => {
  const [a, b] = summarizeGc(lines);
  it("summarises each process's main isolate, not its worker threads", () => {
    expect(a.pid).toBe(16038);
    expect(a.scavenges).toBe(5);
    expect(a.markCompacts).toBe(1);
    expect(a.markCompactPausesMs).toEqual([20.87]);
    expect(a.seconds).toBeCloseTo(1.715, 3);
    expect(b).toMatchObject({ pid: 16039, scavenges: 1, markCompacts: 1, markCompactPausesMs: [27.01] });
  });
  it("gives scavenge pauses by rank and the heap's growth between consecutive scavenges only", () => {
    // Pauses 13.41, 7.38, 5.44, 6, 16 → median 7.38, p90 16.
    expect(a.scavengePauseMs).toEqual({ p50: 7.38, p90: 16, max: 16 });
    // 64.7 → 67.0 → 68.7 (+2.3, +1.7), a mark-compact, then 50 → 53 (+3): median 2.3.
    expect(a.heapGrowthPerScavengeMb).toBeCloseTo(2.3, 6);
    expect(b.heapGrowthPerScavengeMb).toBeNaN();
  });
});
