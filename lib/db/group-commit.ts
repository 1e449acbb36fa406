// Group commit: writes queued while one transaction commits are committed together in the next one, and
// each caller is answered only after the commit that holds its write is durable. See
// docs/decisions/031-group-commit.md for the SQLite "deferred sync" mode, which moves the fsync off the
// event loop: commit with synchronous=OFF, then fdatasync the WAL on libuv's thread pool before answering.
import fs from "node:fs/promises";
import { sql, type Kysely, type Transaction } from "kysely";
import { BUSY_TIMEOUT_MS, WAL_LIMIT_BYTES } from "./connect";
import { startCheckpointer, type Checkpointer } from "./sqlite-checkpointer";
import { clearSqliteLane, heldSqliteLaneOf, setSqliteLane } from "./sqlite-lane";

const isBusy = (err: unknown) => typeof (err as { code?: unknown })?.code === "string" && (err as { code: string }).code.startsWith("SQLITE_BUSY");

/** Runs `attempt` (one whole transaction) until it does not fail with SQLITE_BUSY, waiting on timers between
 * tries (1, 2, 4, 4 … ms) so that this process goes on reading and grading requests meanwhile. A transaction
 * that failed with SQLITE_BUSY was rolled back, so trying it again is safe. */
export async function whenWriteLockFree<T>(attempt: () => Promise<T>, maxWaitMs = BUSY_TIMEOUT_MS): Promise<T> {
  const deadline = performance.now() + maxWaitMs;
  for (let delay = 1; ; delay = Math.min(delay * 2, 4)) {
    try {
      return await attempt();
    } catch (err) {
      if (!isBusy(err) || performance.now() >= deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

type Job<DB> = { work: (trx: Transaction<DB>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

export type GroupCommitter<DB> = {
  /** Runs `work` inside a shared transaction; resolves after that transaction has committed (durably). */
  run: <T>(work: (trx: Transaction<DB>) => Promise<T>) => Promise<T>;
  /** Number of transactions committed so far, the jobs they held, the checkpoints, and the RESTART checkpoints
   * that let the WAL start over (for benchmarks and tests). */
  stats: () => { batches: number; jobs: number; checkpoints: number; walRestarts: number };
  /** Resolves once every job queued so far has committed (or failed), and a checkpoint in flight has finished:
   * the flush before a graceful shutdown. */
  idle: () => Promise<void>;
  /** Waits for idle(), then releases the WAL file handle (the database itself belongs to the caller). */
  close: () => Promise<void>;
};

export type GroupCommitOptions = {
  maxBatch?: number;
  /** SQLite only: the database file. Enables deferred sync (commit at synchronous=OFF, then fdatasync the
   * WAL off the event loop before answering; checkpoints run manually at synchronous=FULL). */
  sqliteDeferredSync?: { file: string; checkpointEveryJobs?: number; walLimitBytes?: number };
};

/** Creates a committer over db. A job that throws fails alone: its batch is retried one job per transaction. */
export function createGroupCommitter<DB>(db: Kysely<DB>, options: GroupCommitOptions = {}): GroupCommitter<DB> {
  const maxBatch = options.maxBatch ?? 512;
  const deferred = options.sqliteDeferredSync;
  const checkpointEvery = deferred?.checkpointEveryJobs ?? 500;
  const walLimit = deferred?.walLimitBytes ?? WAL_LIMIT_BYTES;
  let queue: Job<DB>[] = [];
  let running = false;
  let batches = 0;
  let jobs = 0;
  let checkpoints = 0;
  let walRestarts = 0;
  let sinceCheckpoint = 0;
  let wal: fs.FileHandle | null = null;
  let checkpointer: Checkpointer | null = null;
  let checkpointing: Promise<void> | null = null;
  let prepared = false;
  let idleWaiters: (() => void)[] = [];

  async function transaction(batch: Job<DB>[]): Promise<unknown[]> {
    const held = heldSqliteLaneOf(db);
    const body = async (trx: Transaction<DB>) => {
      // SQLite: compiled statements inside the batch run synchronously on the held connection (sqlite-lane.ts).
      if (held) setSqliteLane(trx, held);
      try {
        const results: unknown[] = [];
        for (const job of batch) results.push(await job.work(trx));
        return results;
      } finally {
        if (held) clearSqliteLane(trx);
      }
    };
    if (!deferred) return db.transaction().execute(body);
    // One connection for the pragma, the transaction and the pragma back, so no other statement runs
    // at synchronous=OFF. Auto-checkpoints are off: a checkpoint at OFF would not fsync the database file.
    return whenWriteLockFree(() =>
      db.connection().execute(async (conn) => {
        if (!prepared) {
          await sql`pragma wal_autocheckpoint = 0`.execute(conn);
          prepared = true;
        }
        // busy_timeout 0: when another process holds the write lock, BEGIN IMMEDIATE fails at once instead of
        // sleeping in SQLite's busy handler, which would stop this process's event loop (decision 070).
        await sql`pragma synchronous = off`.execute(conn);
        await sql`pragma busy_timeout = 0`.execute(conn);
        try {
          return await conn.transaction().execute(body);
        } finally {
          await sql`pragma busy_timeout = ${sql.raw(String(BUSY_TIMEOUT_MS))}`.execute(conn);
          await sql`pragma synchronous = full`.execute(conn);
        }
      }),
    );
  }

  /** At synchronous=FULL a checkpoint fsyncs the WAL, copies it into the database file and fsyncs that. It
   * runs in a worker thread beside the next batches; should the worker fail, here on the app's connection.
   * A PASSIVE checkpoint never catches up with steady writes, and a WAL that is never fully copied never starts
   * over: it grew by every attempt's pages for as long as the load lasted (600 MB in one benchmark). So once
   * the WAL is past its limit, a RESTART follows: the worker first copies with more PASSIVE rounds until little
   * is left, and each RESTART try holds writers back (batches wait on timers) only while it copies and syncs
   * that little. Then the next commit writes from the start of the file again (decision 073). */
  async function checkpoint(file: string): Promise<void> {
    try {
      checkpointer ??= startCheckpointer(file);
      const passive = await checkpointer.checkpoint();
      if (passive.walBytes > walLimit && !(await checkpointer.checkpoint("RESTART")).busy) walRestarts += 1;
    } catch {
      await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
    }
    checkpoints += 1;
  }

  async function commit(batch: Job<DB>[]): Promise<unknown[]> {
    const out = await transaction(batch);
    if (deferred) {
      // The WAL now holds the batch (written, not yet synced). fdatasync runs on the thread pool.
      wal ??= await fs.open(`${deferred.file}-wal`, "r");
      await wal.datasync();
      sinceCheckpoint += batch.length;
      if (sinceCheckpoint >= checkpointEvery && !checkpointing) {
        sinceCheckpoint = 0;
        checkpointing = checkpoint(deferred.file).finally(() => {
          checkpointing = null;
        });
      }
    }
    batches += 1;
    jobs += batch.length;
    return out;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      // Take the jobs out of `queue` rather than copying them, and empty `batch` once it is answered: an array
      // that outlives a young-generation GC is promoted, and a dead array in the old generation still holds
      // its jobs — and each job's request — alive through every scavenge until the next full GC.
      const batch = queue.length <= maxBatch ? queue : queue.splice(0, maxBatch);
      if (batch === queue) queue = [];
      try {
        const results = await commit(batch);
        batch.forEach((job, i) => job.resolve(results[i]));
      } catch (err) {
        if (batch.length === 1) {
          batch[0].reject(err);
          continue;
        }
        // Isolate the failing job: the rolled-back batch is replayed one job per transaction.
        for (const job of batch) {
          try {
            job.resolve((await commit([job]))[0]);
          } catch (e) {
            job.reject(e);
          }
        }
      } finally {
        batch.length = 0;
      }
    }
  }

  function schedule(): void {
    if (running) return;
    running = true;
    // setImmediate lets every request already read in this event-loop turn join the batch.
    setImmediate(() => {
      drain().finally(() => {
        running = false;
        if (queue.length > 0) schedule();
        else {
          const waiters = idleWaiters;
          idleWaiters = [];
          waiters.forEach((w) => w());
        }
      });
    });
  }

  return {
    run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        schedule();
      });
    },
    stats: () => ({ batches, jobs, checkpoints, walRestarts }),
    async idle() {
      if (running || queue.length > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      await checkpointing;
    },
    async close() {
      await this.idle();
      const worker = checkpointer;
      checkpointer = null;
      await worker?.close();
      const handle = wal;
      wal = null;
      await handle?.close();
    },
  };
}
