// `npm run bench:grading:service` — the ceiling under bench:grading: postAttempt() (the code behind
// POST /api/quizzes/:id/attempts) called in-process by 100 concurrent callers, no HTTP. Same work per
// attempt as the server does — cookie check, zod, assignment policy, grading, group commit with fsync —
// on a fresh SQLite file. Prints attempts/s and CPU per attempt. Options: --attempts N (20000), --connections N (100),
// --profile FILE (a V8 .cpuprofile of the measured phase only, for Chrome DevTools), --heap-sampling FILE (a
// .heapprofile of what the measured phase allocates, collected objects included: where the young generation fills).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";

// App modules are marked server-only; Node resolves that marker to a no-op only under react-server. The
// young-generation size is the production server's (scripts/server.mjs), so the figures compare.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const flags = ["--conditions=react-server", "--max-semi-space-size=64", "--import", "tsx"];
  const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const attempts = Number(arg("attempts", "20000"));
const connections = Number(arg("connections", "100"));
const quizId = "is-relu-linear";

process.env.SQLITE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-service-")), "bench.sqlite");
delete process.env.DATABASE_URL;

const { quizContext, closeQuizContext } = await import("../lib/quiz/context.server");
const { bodyBytes, postAttempt } = await import("../lib/quiz/attempt-endpoint.server");
const { loadQuizState } = await import("../lib/quiz/service.server");
const { signLearnerId, LEARNER_COOKIE } = await import("../lib/quiz/learner.server");
const { getQuiz } = await import("../lib/quiz/registry.server");
const { answerFor } = await import("./lib/bench-answers");

type Item = { cookie: string; key: string; body: string };

async function prepare(n: number): Promise<Item[]> {
  const deps = await quizContext();
  const quiz = getQuiz(quizId)!;
  const items: Item[] = [];
  for (let start = 0; start < n; start += 500) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(500, n - start) }, async (_, k) => {
        const id = randomUUID();
        const state = await loadQuizState(deps.db, id, quiz, deps.committer);
        const answers = Object.fromEntries(state.variant!.questions.map((q) => [q.id, answerFor(q, start + k)]));
        return { cookie: `${LEARNER_COOKIE}=${signLearnerId(id, deps.secret)}`, key: randomUUID(), body: JSON.stringify({ variantId: state.variant!.variantId, answers }) };
      }),
    );
    items.push(...chunk);
  }
  return items;
}

async function run(items: Item[]): Promise<{ seconds: number; cpu: number; latencies: number[]; failed: number }> {
  let next = 0;
  let failed = 0;
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < items.length) {
        const it = items[next++];
        const s = performance.now();
        const out = await postAttempt({
          quizId,
          headers: { contentType: "application/json", contentLength: String(Buffer.byteLength(it.body)), idempotencyKey: it.key, cookie: it.cookie },
          body: async () => it.body,
        });
        bodyBytes(out); // what the server does with every response
        latencies.push(performance.now() - s);
        if (out.status !== 201) failed += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, latencies, failed };
}

const warmup = Math.min(3000, Math.ceil(attempts / 10));
console.log(`preparing ${warmup + attempts} learners with variants of "${quizId}" …`);
const items = await prepare(warmup + attempts);
await run(items.slice(0, warmup));
const profileFile = arg("profile", "");
const heapFile = arg("heap-sampling", "");
const session = profileFile || heapFile ? new (await import("node:inspector/promises")).Session() : null;
session?.connect();
if (profileFile) {
  await session!.post("Profiler.enable");
  await session!.post("Profiler.start");
}
if (heapFile) {
  await session!.post("HeapProfiler.enable");
  // Every 4 KB allocated on average, and kept when a GC collects it: the profile is then what was allocated.
  await session!.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
const r = await run(items.slice(warmup));
if (profileFile) {
  const { profile } = await session!.post("Profiler.stop");
  fs.writeFileSync(profileFile, JSON.stringify(profile));
}
if (heapFile) {
  const { profile } = await session!.post("HeapProfiler.stopSampling");
  fs.writeFileSync(heapFile, JSON.stringify(profile));
}
session?.disconnect();
const sorted = r.latencies.sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
const { committer } = await quizContext();
const stats = committer.stats();
await closeQuizContext();
console.log("");
console.log(`postAttempt() in-process, ${connections} concurrent callers, SQLite (synchronous=FULL, group commit)`);
console.log(`  attempts/s:     ${(attempts / r.seconds).toFixed(0)}`);
console.log(`  latency p50:    ${pct(50)} ms    p99: ${pct(99)} ms`);
console.log(`  CPU:            ${((r.cpu / attempts) * 1e6).toFixed(0)} µs per attempt (main thread and fsync pool)`);
console.log(`  group commit:   ${(stats.jobs / stats.batches).toFixed(1)} jobs per transaction on average, ${stats.checkpoints} checkpoints, ${stats.walRestarts} WAL restarts (setup and warm-up included)`);
console.log(`  not 201:        ${r.failed}`);
console.log(`  machine load:   ${os.loadavg()[0].toFixed(1)} (1-min average, ${os.cpus().length} cores)`);
fs.rmSync(path.dirname(process.env.SQLITE_PATH), { recursive: true, force: true }); // the scratch database
if (r.failed > 0) process.exitCode = 1;
