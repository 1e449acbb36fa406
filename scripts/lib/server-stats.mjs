// SERVER_STATS=1: each server process prints, every 3 s while it is busy, the server-side latency of
// POST …/attempts (request start to response finish), its event-loop delay and its GC pauses. It separates
// what the server does from what the load generator sees (its own scheduling and GC count in autocannon's
// figures), for work on bench:grading's p99 (docs/performance.md).
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { quantile } from "./quantile.mjs";

const WINDOW_MS = 3000;
/** Windows with fewer requests (start-up, the bench's preparation) are not printed. */
const MIN_REQUESTS = 1000;
const GC_KIND = { 1: "scavenge", 2: "mark-compact", 4: "incremental", 8: "weak-cb" };

/** Starts collecting; returns `track(res)` to call for each timed request. */
export function startServerStats(log = (line) => console.error(line)) {
  let latencies = [];
  let pauses = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ kind: GC_KIND[e.detail?.kind] ?? String(e.detail?.kind), ms: e.duration });
  }).observe({ entryTypes: ["gc"] });
  setInterval(() => {
    if (latencies.length >= MIN_REQUESTS) {
      const ms = (v) => v.toFixed(1);
      const gcTotal = pauses.reduce((t, p) => t + p.ms, 0);
      const longest = pauses.sort((a, b) => b.ms - a.ms).slice(0, 3).map((p) => `${p.kind} ${ms(p.ms)}`);
      log(
        `[stats ${process.pid}] ${latencies.length} attempts in ${WINDOW_MS / 1000} s; server-side p50 ${ms(quantile(latencies, 0.5))} p99 ${ms(quantile(latencies, 0.99))} max ${ms(quantile(latencies, 1))} ms; ` +
          `event-loop delay p50 ${ms(delay.percentile(50) / 1e6)} p99 ${ms(delay.percentile(99) / 1e6)} max ${ms(delay.max / 1e6)} ms; ` +
          `GC ${pauses.length} pauses, ${ms(gcTotal)} ms (longest: ${longest.join(", ") || "none"})`,
      );
    }
    latencies = [];
    pauses = [];
    delay.reset();
  }, WINDOW_MS).unref();
  return (res) => {
    const t0 = performance.now();
    res.once("finish", () => latencies.push(performance.now() - t0));
  };
}
