// Checkpoints a SQLite WAL from a worker thread, on the worker's own connection at synchronous=FULL: the copy of
// WAL pages into the database file and its two fsyncs then happen beside the event loop instead of blocking it
// (on the quiz hot path they had been ~15 % of the main thread's time; docs/decisions/031-group-commit.md).
// A PASSIVE checkpoint takes no writer lock, so the app's connection keeps committing meanwhile. Under steady
// writes it never catches up with them, so the WAL would never start over (decision 073): past a size limit
// the committer asks for a RESTART, which holds writers back for as long as it copies the last few frames.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { BUSY_TIMEOUT_MS } from "./connect";

/** How long a RESTART checkpoint keeps trying to find the WAL free of writers and readers before it gives up for
 * this time (the next checkpoint tries again). */
const RESTART_TRIES_FOR_MS = 100;

// CommonJS, evaluated by the worker; better-sqlite3 is resolved from the project at run time (bundlers
// never see this require).
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(require("node:module").createRequire(workerData.base).resolve("better-sqlite3"));
const db = new Database(workerData.file);
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = ${BUSY_TIMEOUT_MS}");
const pageSize = db.pragma("page_size", { simple: true });
const pause = new Int32Array(new SharedArrayBuffer(4));
// Frames the last checkpoint copied: what a RESTART's PASSIVE rounds measure progress against.
let copied = 0;
function checkpoint(mode) {
  const [r] = db.pragma("wal_checkpoint(" + mode + ")");
  copied = r.checkpointed;
  return r;
}
// RESTART without SQLite's busy handler, whose sleeps grow to 100 ms while writers wait behind the checkpoint:
// each try holds the write lock only while it copies and syncs, and between tries (half a millisecond apart)
// the writers go on.
function restart() {
  // First PASSIVE checkpoints (no lock) until few frames are left to copy: the RESTART holds writers back for as
  // long as it copies and fsyncs, so it should find little to do.
  for (let round = 0; round < 5; round++) {
    const before = copied;
    if (checkpoint("PASSIVE").log - before < 256) break;
  }
  db.pragma("busy_timeout = 0");
  try {
    const deadline = performance.now() + ${RESTART_TRIES_FOR_MS};
    for (;;) {
      const r = checkpoint("RESTART");
      if (r.busy !== 1 || performance.now() >= deadline) return r;
      Atomics.wait(pause, 0, 0, 0.5);
    }
  } finally {
    db.pragma("busy_timeout = ${BUSY_TIMEOUT_MS}");
  }
}
parentPort.on("message", ({ id, mode }) => {
  try {
    const r = mode === "RESTART" ? restart() : checkpoint("PASSIVE");
    // A WAL frame is a 24-byte header and a page.
    parentPort.postMessage({ id, ok: true, result: { busy: r.busy === 1, walFrames: r.log, walBytes: r.log * (pageSize + 24) } });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: String((e && e.message) || e) });
  }
});
`;

/** What one checkpoint found: `busy` when a RESTART gave up waiting (or a PASSIVE could not copy every frame),
 * and the WAL's length as it began, in frames and in bytes. */
export type CheckpointResult = { busy: boolean; walFrames: number; walBytes: number };

export type Checkpointer = {
  /** Runs one checkpoint at synchronous=FULL: PASSIVE by default, or RESTART, after which the next writer starts
   * the WAL over from its beginning. Rejects if the worker cannot. */
  checkpoint: (mode?: "PASSIVE" | "RESTART") => Promise<CheckpointResult>;
  /** Waits for a checkpoint in flight, then stops the worker (closing its connection). */
  close: () => Promise<void>;
};

type Reply = { id: number; ok: boolean; result?: CheckpointResult; message?: string };

/** Starts the worker for the database at `file`. */
export function startCheckpointer(file: string): Checkpointer {
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, base: path.join(process.cwd(), "package.json") } });
  worker.unref(); // never the reason the process stays alive
  const pending = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.on("message", (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (r.ok) p?.resolve(r.result!);
    else p?.reject(new Error(`checkpoint failed: ${r.message}`));
  });
  worker.on("error", (err) => failAll(err));
  worker.on("exit", (code) => failAll(new Error(`the checkpoint worker exited (code ${code})`)));

  let inFlight: Promise<void> = Promise.resolve();
  return {
    checkpoint(mode = "PASSIVE") {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const done = new Promise<CheckpointResult>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage({ id, mode });
      inFlight = done.then(
        () => undefined,
        () => undefined,
      );
      return done;
    },
    async close() {
      await inFlight;
      await worker.terminate();
    },
  };
}
