// Group commit: writes queued while one transaction commits are committed together in the next one, and
// each caller is answered only after the commit that holds its write. With synchronous=FULL that is one
// fsync per batch instead of one per write (docs/decisions/031-group-commit.md).
import type { Kysely, Transaction } from "kysely";

type Job<DB> = { work: (trx: Transaction<DB>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

export type GroupCommitter<DB> = {
  /** Runs `work` inside a shared transaction; resolves after that transaction has committed. */
  run: <T>(work: (trx: Transaction<DB>) => Promise<T>) => Promise<T>;
  /** Number of transactions committed so far and the jobs they held (for benchmarks). */
  stats: () => { batches: number; jobs: number };
};

/** Creates a committer over db. A job that throws fails alone: its batch is retried one job per transaction. */
export function createGroupCommitter<DB>(db: Kysely<DB>, options: { maxBatch?: number } = {}): GroupCommitter<DB> {
  const maxBatch = options.maxBatch ?? 512;
  let queue: Job<DB>[] = [];
  let running = false;
  let batches = 0;
  let jobs = 0;

  async function commit(batch: Job<DB>[]): Promise<unknown[]> {
    const out = await db.transaction().execute(async (trx) => {
      const results: unknown[] = [];
      for (const job of batch) results.push(await job.work(trx));
      return results;
    });
    batches += 1;
    jobs += batch.length;
    return out;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
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
    stats: () => ({ batches, jobs }),
  };
}
