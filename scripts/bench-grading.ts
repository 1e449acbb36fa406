// npm run bench:grading — attempts/s and p50/p99 latency of POST /api/quizzes/:id/attempts at 100
// concurrent connections (autocannon) against the production server on SQLite.
// Needs a production build (`npm run build`) in the current directory. By default it starts the production
// server (scripts/server.mjs: Next plus the attempts fast path) on BENCH_PORT (3302) with a fresh SQLite file; pass --url http://host:port to use a running server.
// Each attempt is a different learner's first attempt: learners and their variants are created first
// through GET /api/quizzes/:id, so the measured phase is POSTs only. Options: --attempts N (default 30000),
// --connections N (100), --quiz ID (is-relu-linear), --no-reference, --gc (the server runs with V8's --trace-gc, and
// each process's scavenges, mark-compacts and heap growth during the measured phase are printed). The server runs one process per core
// unless WEB_CONCURRENCY says otherwise (WEB_CONCURRENCY=1: a single process; decision 070).
// Then, unless --no-reference, the same requests go to a bare node:http + better-sqlite3 server
// (scripts/lib/bare-attempt-server.mjs) at synchronous=NORMAL and at FULL: the issue's yardstick for what
// this machine can do today, since the same build's figures differ by up to 2× between machines of one kind.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createInterface } from "node:readline";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import type { QuizState } from "../lib/quiz/types";
import { answerFor } from "./lib/bench-answers";
import { summarizeGc } from "./lib/gc-trace.mjs";
import { listenError } from "./lib/port.mjs";
import { treeCpuSeconds } from "./lib/proc-cpu";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const attempts = Number(arg("attempts", "30000"));
const connections = Number(arg("connections", "100"));
const quizId = arg("quiz", "is-relu-linear");
const warmup = Math.min(3000, Math.ceil(attempts / 10));
const port = Number(process.env.BENCH_PORT ?? 3302);
const external = arg("url", "");
const baseUrl = external || `http://127.0.0.1:${port}`;
const reference = !process.argv.includes("--no-reference");
const gcTrace = process.argv.includes("--gc");

type Prepared = { cookie: string; body: string; key: string };

async function prepareOne(i: number): Promise<Prepared> {
  const res = await fetch(`${baseUrl}/api/quizzes/${quizId}`);
  if (!res.ok) throw new Error(`GET /api/quizzes/${quizId} → ${res.status}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  const state = (await res.json()) as QuizState;
  if (!state.variant) throw new Error("no variant returned");
  const answers = Object.fromEntries(state.variant.questions.map((q) => [q.id, answerFor(q, i)]));
  return { cookie, body: JSON.stringify({ variantId: state.variant.variantId, answers }), key: randomUUID() };
}

async function prepare(n: number): Promise<Prepared[]> {
  const out: Prepared[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await prepareOne(i);
      }
    }),
  );
  return out;
}

async function waitForServer(child: ChildProcess | null, url = baseUrl): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/quizzes/${quizId}/attempts`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not come up in 60 s`);
}

/** The run's results and its length in seconds, from the start to the last response: autocannon's own
 * duration only ends at the next tick of its one-second sampler, up to a second after the last response. */
function run(items: Prepared[], url = baseUrl): Promise<{ result: autocannon.Result; seconds: number }> {
  let i = 0;
  const started = performance.now();
  let last = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount: items.length,
        requests: [
          {
            method: "POST",
            path: `/api/quizzes/${quizId}/attempts`,
            setupRequest: (req) => {
              const it = items[i++ % items.length];
              return { ...req, body: it.body, headers: { "content-type": "application/json", cookie: it.cookie, "idempotency-key": it.key } };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, seconds: (last - started) / 1000 })),
    );
    instance.on("response", () => {
      last = performance.now();
    });
  });
}

/** Fails when something already listens on the port: the server started here would exit at once, and the
 * benchmark would measure whatever answers there instead (another benchmark's server, say). */
async function assertPortFree(p: number): Promise<void> {
  const err = await listenError(p, "127.0.0.1");
  if (err) throw new Error(`port ${p} is already in use (${err.message}); is another benchmark running? Set BENCH_PORT to a free port (this benchmark uses it and the next one)`);
}

/** SIGTERMs a server (through `kill`) and resolves once it has exited. */
async function stopServer(child: ChildProcess, kill: () => void): Promise<void> {
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
  kill();
  await exited;
}

/** The issue's figure for the bare server at synchronous=NORMAL on the machine it was measured on. */
const ISSUE_BARE_PER_SECOND = 11_800;
/** The issue's target for this benchmark. */
const TARGET = { perSecond: 3000, p99Ms: 50 };

/** The same requests against the bare reference server, at synchronous=NORMAL and then FULL. */
async function runReference(items: Prepared[], template: string, ours: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-reference-"));
  const templateFile = path.join(dir, "result.json");
  fs.writeFileSync(templateFile, template);
  const url = `http://127.0.0.1:${port + 1}`;
  console.log("");
  console.log(`Reference: a bare node:http + better-sqlite3 server on this machine now (one insert per attempt, autocommit, no`);
  console.log(`framework, validation or grading), the same ${attempts} requests and a ${Buffer.byteLength(template)}-byte response`);
  let normal = 0;
  try {
    for (const sync of ["normal", "full"] as const) {
      const child = spawn(process.execPath, [path.join("scripts", "lib", "bare-attempt-server.mjs"), String(port + 1), path.join(dir, `${sync}.sqlite`), sync, templateFile], {
        stdio: ["ignore", "ignore", "inherit"],
      });
      try {
        await waitForServer(child, url);
        await run(items.slice(0, warmup), url);
        const { result: r, seconds } = await run(items.slice(warmup), url);
        const perSecond = r["2xx"] / seconds;
        if (sync === "normal") normal = perSecond;
        const label = sync === "normal" ? "synchronous=NORMAL (no fsync per attempt)" : "synchronous=FULL (an fsync per attempt)";
        console.log(`  ${label.padEnd(43)} ${perSecond.toFixed(0).padStart(6)} attempts/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${r.non2xx + r.errors > 0 ? `, ${r.non2xx + r.errors} failed` : ""}`);
      } finally {
        await stopServer(child, () => child.kill("SIGTERM"));
      }
    }
    if (normal > 0) {
      console.log(`  this server did ${(ours / normal).toFixed(2)}× the bare server's attempts/s (the issue allows the framework, validation and`);
      console.log(`  query layers about a factor of four: ≥ ${(normal / 4).toFixed(0)} attempts/s on this machine now; the fixed target is ${TARGET.perSecond.toLocaleString("en")})`);
      if (normal < ISSUE_BARE_PER_SECOND / 2) {
        console.log(`  note: the issue measured the bare server at ~${ISSUE_BARE_PER_SECOND.toLocaleString("en")} attempts/s on its machine; this one gives ${(normal / ISSUE_BARE_PER_SECOND).toFixed(2)}× that,`);
        console.log(`  so the fixed target says more about the machine than the server here (docs/performance.md, "Fourth session" and after)`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const serverEnv = (dbFile: string): NodeJS.ProcessEnv => ({ ...process.env, SQLITE_PATH: dbFile, DATABASE_URL: "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
/** The server's stdout under --gc, as it arrives. */
const gcLines: string[] = [];

function printGc(lines: string[]): void {
  const fmt = (ms: number) => (Number.isNaN(ms) ? "–" : ms.toFixed(1));
  console.log("  GC during the measured phase (V8 --trace-gc, each server process's main thread):");
  for (const p of summarizeGc(lines)) {
    const mc = p.markCompactPausesMs.length ? ` (pauses ${p.markCompactPausesMs.map((ms) => ms.toFixed(0)).join(", ")} ms)` : "";
    console.log(
      `    process ${p.pid}: ${p.scavenges} scavenges in ${p.seconds.toFixed(1)} s, pause p50 ${fmt(p.scavengePauseMs.p50)} p90 ${fmt(p.scavengePauseMs.p90)} max ${fmt(p.scavengePauseMs.max)} ms, ` +
        `heap +${fmt(p.heapGrowthPerScavengeMb)} MB per scavenge (median); ${p.markCompacts} mark-compact${p.markCompacts === 1 ? "" : "s"}${mc}`,
    );
  }
}

async function main(): Promise<void> {
  if (gcTrace && external) throw new Error("--gc needs the server started here: leave out --url");
  if (gcTrace && spawnSync("stdbuf", ["--version"]).error) throw new Error("--gc needs stdbuf (GNU coreutils) to read V8's GC lines as they are printed");
  let child: ChildProcess | null = null;
  let dbFile = "";
  if (!external) {
    if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build here: run `npm run build` first (or pass --url)");
    await assertPortFree(port);
    if (reference) await assertPortFree(port + 1);
    dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-grading-")), "bench.sqlite");
    const server = [path.join("scripts", "server.mjs"), "-p", String(port), "-H", "127.0.0.1"];
    // --gc: V8 prints a line per collection to stdout. stdbuf makes that stdout line-buffered (in the server's
    // processes too, through the environment), so each line is read when it is printed and the measured
    // phase's lines can be told from the rest by when they arrive.
    child = gcTrace
      ? spawn("stdbuf", ["-oL", process.execPath, "--trace-gc", ...server], { env: serverEnv(dbFile), stdio: ["ignore", "pipe", "inherit"], detached: true })
      : spawn(process.execPath, server, { env: serverEnv(dbFile), stdio: ["ignore", "ignore", "inherit"], detached: true });
    if (gcTrace) createInterface({ input: child.stdout! }).on("line", (line) => gcLines.push(line));
  }
  try {
    await waitForServer(child);
    console.log(`preparing ${warmup + attempts} learners with variants of "${quizId}" …`);
    const items = await prepare(warmup + attempts);
    // One more learner's graded result: the bare reference server answers with one of this size.
    const sample = await prepareOne(warmup + attempts);
    const sampleRes = await fetch(`${baseUrl}/api/quizzes/${quizId}/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: sample.cookie, "idempotency-key": sample.key },
      body: sample.body,
    });
    if (sampleRes.status !== 201) throw new Error(`a sample attempt got ${sampleRes.status}: ${await sampleRes.text()}`);
    const template = await sampleRes.text();
    console.log(`warm-up: ${warmup} attempts`);
    await run(items.slice(0, warmup));
    console.log(`measuring: ${attempts} attempts, ${connections} connections`);
    const cpuBefore = child?.pid ? treeCpuSeconds(child.pid) : null;
    const ownBefore = process.cpuUsage();
    const gcFrom = gcLines.length;
    const { result: r, seconds } = await run(items.slice(warmup));
    const gcMeasured = gcLines.slice(gcFrom);
    const own = process.cpuUsage(ownBefore);
    const cpuAfter = child?.pid ? treeCpuSeconds(child.pid) : null;
    const ok = r["2xx"];
    const perSecond = ok / seconds;
    console.log("");
    // scripts/server.mjs runs WEB_CONCURRENCY server processes, one per core by default (decision 070).
    const processes = external ? "" : `, ${process.env.WEB_CONCURRENCY || os.availableParallelism()} server processes`;
    console.log(`POST /api/quizzes/${quizId}/attempts on SQLite (synchronous=FULL, group commit), ${connections} connections${processes}`);
    console.log(`  attempts/s:     ${perSecond.toFixed(0)}`);
    console.log(`  latency p50:    ${r.latency.p50} ms`);
    console.log(`  latency p99:    ${r.latency.p99} ms`);
    console.log(`  latency max:    ${r.latency.max} ms`);
    console.log(`  2xx: ${ok}  non-2xx: ${r.non2xx}  errors: ${r.errors}  timeouts: ${r.timeouts}  duration: ${seconds.toFixed(2)} s`);
    if (cpuBefore !== null && cpuAfter !== null && ok > 0) {
      const perAttempt = ((cpuAfter - cpuBefore) / ok) * 1e6;
      console.log(`  server CPU:     ${perAttempt.toFixed(0)} µs per attempt (≈ ${(1e6 / perAttempt).toFixed(0)} attempts/s per fully available core)`);
    }
    if (ok > 0) console.log(`  load generator: ${((own.user + own.system) / ok).toFixed(0)} µs of CPU per attempt (autocannon, sharing the machine)`);
    console.log(`  machine load:   ${os.loadavg()[0].toFixed(1)} (1-min average, ${os.cpus().length} cores)`);
    const met = (holds: boolean) => (holds ? "met" : "not met");
    console.log(`  target:         ≥ ${TARGET.perSecond.toLocaleString("en")} attempts/s ${met(perSecond >= TARGET.perSecond)}, p99 < ${TARGET.p99Ms} ms ${met(r.latency.p99 < TARGET.p99Ms)}`);
    if (dbFile) {
      const db = new Database(dbFile, { readonly: true });
      const { n } = db.prepare("select count(*) as n from quiz_attempts").get() as { n: number };
      const { m } = db.prepare("select coalesce(sum(json_array_length(answers_json)), 0) as m from quiz_attempts").get() as { m: number };
      db.close();
      console.log(`  stored: ${n} attempts (warm-up included), ${m} stored answers`);
    }
    if (gcTrace) printGc(gcMeasured);
    if (r.non2xx > 0 || r.errors > 0) process.exitCode = 1;
    if (reference) await runReference(items, template, perSecond);
  } finally {
    // The production server runs as a launcher and its child: the whole process group is signalled.
    if (child?.pid) await stopServer(child, () => process.kill(-child!.pid!, "SIGTERM"));
    // The scratch database is a few hundred MB after a run.
    if (dbFile) fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
