// One load or crash run end to end: scratch database → production server → simulated learners (with
// optional SIGKILLs and restarts) → final SIGKILL → verification straight from the database → figures.
import os from "node:os";
import { quantile } from "../lib/quantile.mjs";
import { createScratchDatabase, type DbKind } from "./database";
import { GRADED_QUIZ, simulateLearners, type Ledger } from "./learners";
import { startProductionServer } from "./server";
import { verifyLedger, type Verification } from "./verify";

export type RunOptions = {
  root: string;
  port: number;
  db: DbKind;
  learners: number;
  seconds: number;
  /** SIGKILL the server this many times during the load, at random moments, restarting it each time. */
  kills?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
};

export type RunReport = {
  db: DbKind;
  dbLabel: string;
  learners: number;
  distinctLearners: number;
  seconds: number;
  kills: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  unacknowledged: number;
  incomplete: number;
  abandoned: number;
  /** Acknowledgements that were replays of an already stored attempt (a retry after a lost answer). */
  replayed: number;
  throughput: number;
  /** CPU seconds the server used, and graded attempts per server CPU-second (less sensitive to a shared machine). */
  serverCpuSeconds: number;
  attemptsPerCpuSecond: number;
  submit: { p50: number; p90: number; p99: number; max: number };
  load: { p50: number; p99: number };
  counts: Ledger["counts"];
  problems: string[];
  serverErrors: string[];
  verification: Verification;
  machine: string;
  ok: boolean;
};

export function machineSummary(): string {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the whole scenario and returns its figures; always drops the scratch database. */
export async function runScenario(options: RunOptions): Promise<RunReport> {
  const log = options.log ?? (() => {});
  const kills = options.kills ?? 0;
  const database = await createScratchDatabase(options.db);
  log(`database: ${options.db} ${database.label}`);
  try {
    const server = await startProductionServer({ root: options.root, port: options.port, env: database.env });
    log(`server: ${server.url} (pid ${server.pid()})`);
    let killer: Promise<void> = Promise.resolve();
    let killed = 0;
    const durationMs = options.seconds * 1000;
    if (kills > 0) {
      // Spread the kills over the middle of the run, each at a random moment in its slot.
      killer = (async () => {
        const start = Date.now();
        const slot = (durationMs * 0.8) / kills;
        for (let i = 0; i < kills; i++) {
          const at = start + durationMs * 0.1 + slot * i + Math.random() * slot * 0.8;
          await sleep(Math.max(0, at - Date.now()));
          log(`SIGKILL #${i + 1} (pid ${server.pid()})`);
          const down = Date.now();
          await server.restart();
          killed += 1;
          log(`restarted in ${Date.now() - down} ms (pid ${server.pid()})`);
        }
      })();
    }
    let ledger: Ledger;
    let cpu = 0;
    try {
      ledger = await simulateLearners({
        baseUrl: server.url,
        learners: options.learners,
        durationMs,
        timeoutMs: options.timeoutMs,
        onTick: (l) => log(`${((Date.now() - l.startedAt) / 1000).toFixed(0)} s: ${l.acks.length} acknowledged, ${l.counts.requests} requests, ${l.counts.timeouts} timeouts, ${l.counts.connectionErrors} connection errors`),
      });
      await killer;
    } finally {
      await killer.catch(() => {});
      cpu = server.cpuSeconds();
      // The final blow: no graceful shutdown before we read the database.
      await server.kill();
    }
    const handle = database.open();
    let verification: Verification;
    try {
      verification = await verifyLedger(handle.db, ledger, { id: GRADED_QUIZ, maxAttempts: 3 });
    } finally {
      await handle.close();
    }
    const elapsed = (ledger.endedAt - ledger.startedAt) / 1000;
    const r = (x: number) => Math.round(x * 10) / 10;
    const report: RunReport = {
      db: options.db,
      dbLabel: database.label,
      learners: options.learners,
      distinctLearners: ledger.learners.size,
      seconds: r(elapsed),
      kills: killed,
      acknowledged: verification.acknowledgedKeys,
      stored: verification.storedAttempts,
      lost: verification.lost.length,
      duplicated: verification.duplicated.length,
      unacknowledged: verification.unacknowledged.length,
      incomplete: verification.incomplete.length,
      abandoned: ledger.abandoned.length,
      replayed: ledger.acks.filter((a) => a.replayed).length,
      throughput: r(ledger.acks.length / elapsed),
      serverCpuSeconds: r(cpu),
      attemptsPerCpuSecond: cpu > 0 ? r(ledger.acks.length / cpu) : NaN,
      submit: {
        p50: r(quantile(ledger.submitLatencies, 0.5)),
        p90: r(quantile(ledger.submitLatencies, 0.9)),
        p99: r(quantile(ledger.submitLatencies, 0.99)),
        max: r(quantile(ledger.submitLatencies, 1)),
      },
      load: { p50: r(quantile(ledger.loadLatencies, 0.5)), p99: r(quantile(ledger.loadLatencies, 0.99)) },
      counts: ledger.counts,
      problems: ledger.problems,
      serverErrors: server.errorLines().slice(0, 20),
      verification,
      machine: machineSummary(),
      ok: false,
    };
    report.ok = verification.ok && ledger.counts.unexpected4xx === 0 && report.acknowledged > 0 && report.acknowledged === report.stored;
    return report;
  } finally {
    await database.drop();
  }
}

/** The figures as printed by the scripts (and copied into docs/reliability.md). */
export function formatReport(title: string, r: RunReport): string {
  const lines = [
    `${title} — ${r.db} (${r.ok ? "PASS" : "FAIL"})`,
    `  learners: ${r.learners} concurrent, ${r.distinctLearners} distinct identities, ${r.seconds} s${r.kills ? `, ${r.kills} SIGKILL + restart` : ""}`,
    `  acknowledged: ${r.acknowledged}   stored: ${r.stored}   lost: ${r.lost}   duplicated: ${r.duplicated}   stored-unacknowledged: ${r.unacknowledged}   torn: ${r.incomplete}   abandoned: ${r.abandoned}   answered by replay: ${r.replayed}`,
    `  throughput: ${r.throughput} graded attempts/s (${r.attemptsPerCpuSecond} per server CPU-second, ${r.serverCpuSeconds} CPU-s)   submit latency p50 ${r.submit.p50} ms, p90 ${r.submit.p90} ms, p99 ${r.submit.p99} ms, max ${r.submit.max} ms   quiz load p50 ${r.load.p50} ms, p99 ${r.load.p99} ms`,
    `  requests: ${r.counts.requests}   retries: ${r.counts.retries}   timeouts: ${r.counts.timeouts}   connection errors: ${r.counts.connectionErrors}   5xx: ${r.counts.status5xx}   unexpected 4xx: ${r.counts.unexpected4xx}`,
    `  machine: ${r.machine}`,
  ];
  for (const p of r.problems.slice(0, 5)) lines.push(`  problem: ${p}`);
  for (const d of [...r.verification.lost, ...r.verification.duplicated, ...r.verification.unacknowledged, ...r.verification.incomplete].slice(0, 10)) lines.push(`  ✗ ${d}`);
  return lines.join("\n");
}
