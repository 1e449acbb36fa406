// Checkpoints a SQLite WAL from a worker thread, on the worker's own connection at synchronous=FULL: the copy of
// WAL pages into the database file and its two fsyncs then happen beside the event loop instead of blocking it
// (on the quiz hot path they had been ~15 % of the main thread's time; docs/decisions/031-group-commit.md).
// A PASSIVE checkpoint takes no writer lock, so the app's connection keeps committing meanwhile.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { BUSY_TIMEOUT_MS } from "./connect";

// CommonJS, evaluated by the worker; better-sqlite3 is resolved from the project at run time (bundlers
// never see this require).
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(require("node:module").createRequire(workerData.base).resolve("better-sqlite3"));
const db = new Database(workerData.file);
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = ${BUSY_TIMEOUT_MS}");
parentPort.on("message", (id) => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ id, ok: true });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: String((e && e.message) || e) });
  }
});
`;

export type Checkpointer = {
  /** Runs one PASSIVE checkpoint at synchronous=FULL; rejects if the worker cannot. */
  checkpoint: () => Promise<void>;
  /** Waits for a checkpoint in flight, then stops the worker (closing its connection). */
  close: () => Promise<void>;
};

type Reply = { id: number; ok: boolean; message?: string };

/** Starts the worker for the database at `file`. */
export function startCheckpointer(file: string): Checkpointer {
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, base: path.join(process.cwd(), "package.json") } });
  worker.unref(); // never the reason the process stays alive
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
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
    if (r.ok) p?.resolve();
    else p?.reject(new Error(`checkpoint failed: ${r.message}`));
  });
  worker.on("error", (err) => failAll(err));
  worker.on("exit", (code) => failAll(new Error(`the checkpoint worker exited (code ${code})`)));

  let inFlight: Promise<void> = Promise.resolve();
  return {
    checkpoint() {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const done = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage(id);
      inFlight = done.catch(() => undefined);
      return done;
    },
    async close() {
      await inFlight;
      await worker.terminate();
    },
  };
}
