// The production server: Next.js answers every request except POST /api/quizzes/:id/attempts, which goes
// straight to the same postAttempt() the Next route calls, bundled by scripts/lib/fast-path.mjs — Next's
// request pipeline alone caps this machine kind at a few hundred requests/s (docs/decisions/063).
// Usage: node scripts/server.mjs [-p PORT] [-H HOST] [--processes N]  (PORT / HOSTNAME / WEB_CONCURRENCY from
// the environment otherwise). N server processes share the port (node:cluster), one per core by default: a
// primary migrates the database, then starts them and starts again any that dies (docs/decisions/070).
// SIGINT/SIGTERM: stop accepting, finish requests in flight, flush the group committer, close the database.
import { spawn } from "node:child_process";
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { API_HEADERS } from "../lib/http/security-headers.mjs";
import { buildFastPath, fastPathFile, fastPathIsCurrent } from "./lib/fast-path.mjs";
import { listenError } from "./lib/port.mjs";
import { loadPrecompressed } from "./lib/precompressed.mjs";
import { startServerStats } from "./lib/server-stats.mjs";
import { log, root } from "./lib/setup.mjs";

// A larger young generation: a graded attempt allocates ~100 KB of short-lived objects (JSON, query
// nodes), and with V8's default 16 MB semi-spaces scavenges took ~17 % of the CPU (decision 063). The
// flag only takes effect at startup, so the server starts itself again with it; signals are passed on.
const NODE_FLAGS = ["--max-semi-space-size=64"];
if (!NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
  const child = spawn(process.execPath, [...process.execArgv, ...NODE_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => {}); // the child is the server
}

function option(short, long, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

const port = Number(option("-p", "--port", process.env.PORT ?? "3000"));
const host = option("-H", "--hostname", process.env.HOSTNAME || undefined);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`The port must be a number from 1 to 65535, got "${port}"`);
  process.exit(2);
}

const processesOption = option("-w", "--processes", process.env.WEB_CONCURRENCY || String(os.availableParallelism()));
const processes = Number(processesOption);
if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
  console.error(`The number of server processes (--processes or WEB_CONCURRENCY) must be a whole number from 1 to 64, got "${processesOption}"`);
  process.exit(2);
}

// Next reads NODE_ENV when it loads; the app resolves data/ and .next/ from the working directory.
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.chdir(root);

/** The one route served beside Next: the id segment is plain ASCII, so no %-decoding is needed (anything
 * else — escapes, a trailing slash — falls through to Next, which answers it as it always has). */
const ATTEMPTS = /^\/api\/quizzes\/([A-Za-z0-9_-]{1,128})\/attempts(?:\?|$)/;

if (!fastPathIsCurrent()) {
  log("Bundling the attempts fast path (missing or older than the Next build)…");
  await buildFastPath();
}
if (processes > 1 && cluster.isPrimary) await runPrimary();

/** The primary of several server processes: migrates the database once (so that the processes do not race to
 * do it), starts them on the shared port, starts again any that exits unexpectedly, and passes SIGINT/SIGTERM
 * on, exiting once every process has flushed its queued attempts and closed the database. Never returns. */
async function runPrimary() {
  // The processes would each fail to bind a taken port and be started again in a loop: check it once here.
  const taken = await listenError(port, host);
  if (taken) {
    console.error(`✗ cannot listen on ${host ?? "localhost"}:${port}: ${taken.message}`);
    process.exit(1);
  }
  const fast = await import(pathToFileURL(fastPathFile).href);
  await fast.warmUp(); // migrations, and the app's generated secrets, created once
  await fast.shutdown();
  let stopping = false;
  let quickDeaths = 0;
  const startWorker = () => {
    const worker = cluster.fork();
    const started = Date.now();
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      // A process that dies within seconds of starting will most likely die again: give up after three in a row.
      quickDeaths = Date.now() - started < 10_000 ? quickDeaths + 1 : 0;
      console.error(`✗ server process ${worker.process.pid} exited (${signal ?? `code ${code}`})${quickDeaths >= 3 ? "; it keeps failing at start, so the server stops" : "; starting another"}`);
      if (quickDeaths >= 3) void stop("SIGTERM", 1);
      else startWorker();
    });
  };
  async function stop(signal, code = 0) {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    const exited = workers.map((w) => new Promise((resolve) => (w.isDead() ? resolve() : w.once("exit", resolve))));
    for (const w of workers) w.process.kill(signal);
    // Each process gives itself 10 s (below); this is the backstop should one hang.
    setTimeout(() => process.exit(1), 12_000).unref();
    await Promise.all(exited);
    process.exit(code);
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(signal));
  // Ready once as many processes listen as were asked for (a replacement for one that died at start counts).
  let listening = 0;
  const ready = new Promise((resolve) => cluster.on("listening", () => ++listening === processes && resolve()));
  for (let i = 0; i < processes; i++) startWorker();
  await ready;
  log(`Serving on http://${host ?? "localhost"}:${port} with ${processes} server processes (${path.relative(process.cwd(), fastPathFile)} for POST …/attempts)`);
  await new Promise(() => {});
}
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
const fast = await import(pathToFileURL(fastPathFile).href);
// Migrations run now, before the first request; Next's handlers then reuse this process's database and
// group committer (both kept on globalThis), so there is one SQLite writer in the process.
await fast.warmUp();
// The build's scripts and styles in brotli, for clients that accept it (scripts/lib/precompressed.mjs).
const servePrecompressed = await loadPrecompressed(path.join(root, ".next", "static"));

// SERVER_STATS=1: server-side latency, event-loop delay and GC pauses of the attempts path, every 3 s.
const track = process.env.SERVER_STATS === "1" ? startServerStats() : null;

const server = http.createServer((req, res) => {
  const m = req.method === "POST" ? ATTEMPTS.exec(req.url ?? "") : null;
  if (m && track) track(res);
  if (!m && servePrecompressed(req, res)) return;
  const done = m ? fast.handleAttemptPost(req, res, m[1], API_HEADERS) : handle(req, res);
  done.catch((err) => {
    console.error("server error", err);
    if (!res.headersSent) res.writeHead(500, { ...API_HEADERS, "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
  });
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing requests in flight, then closing the database…`);
  const force = setTimeout(() => {
    console.error("✗ shutdown took over 10 s; exiting anyway");
    process.exit(1);
  }, 10_000);
  force.unref();
  // Keep-alive connections close as soon as they are idle; busy ones once their response is sent.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  await new Promise((resolve) => server.close(resolve));
  clearInterval(idle);
  await fast.shutdown();
  await app.close?.();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(signal));

// A port already taken (or not ours to bind) ends the process with a clear message; Next's uncaughtException
// handler would otherwise log the error and leave a process running that serves nothing.
server.on("error", (err) => {
  console.error(`✗ cannot listen on ${host ?? "localhost"}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  if (cluster.isPrimary) log(`Serving on http://${host ?? "localhost"}:${port} (${path.relative(process.cwd(), fastPathFile)} for POST …/attempts)`);
});
