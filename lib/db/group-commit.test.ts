import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import SQLite from "better-sqlite3";
import { createGroupCommitter, whenWriteLockFree, type GroupCommitOptions } from "./group-commit";
import { TEST_DIALECTS } from "./test-databases";
import { setupTestDb } from "./setup-test-db";

const modes: [string, "sqlite" | "postgres", boolean][] = [
  ["sqlite", "sqlite", false],
  ["sqlite, deferred sync", "sqlite", true],
  ...(TEST_DIALECTS.includes("postgres") ? [["postgres", "postgres", false] as [string, "postgres", boolean]] : []),
];

describe.each(modes)("group commit on %s", (_name, dialect, deferred) => {
  const t = setupTestDb(dialect);

  const opts = (): GroupCommitOptions =>
    deferred && t.config.dialect === "sqlite" ? { sqliteDeferredSync: { file: t.config.sqlitePath, checkpointEveryJobs: 20 } } : {};
  const learner = (id: string) => ({ id, created_at: new Date().toISOString(), user_id: null });

  it("commits concurrent jobs in few transactions and answers each after its commit", async () => {
    const gc = createGroupCommitter(t.db, opts());
    const ids = Array.from({ length: 50 }, (_, i) => `gc-${i}`);
    const results = await Promise.all(
      ids.map((id) =>
        gc.run(async (trx) => {
          await trx.insertInto("learners").values(learner(id)).execute();
          return id;
        }),
      ),
    );
    expect(results).toEqual(ids);
    expect(gc.stats().jobs).toBe(50);
    expect(gc.stats().batches).toBeLessThan(5);
    const rows = await t.db.selectFrom("learners").select("id").where("id", "like", "gc-%").execute();
    expect(rows).toHaveLength(50);
    await gc.close();
  });

  it("splits a queue longer than maxBatch into batches, answering every job in order", async () => {
    const gc = createGroupCommitter(t.db, { ...opts(), maxBatch: 4 });
    const order: string[] = [];
    const ids = Array.from({ length: 10 }, (_, i) => `mb-${i}`);
    await Promise.all(ids.map((id) => gc.run((trx) => trx.insertInto("learners").values(learner(id)).execute()).then(() => order.push(id))));
    expect(order).toEqual(ids);
    expect(gc.stats()).toMatchObject({ jobs: 10, batches: 3 });
    expect(await t.db.selectFrom("learners").select("id").where("id", "like", "mb-%").execute()).toHaveLength(10);
    await gc.close();
  });

  it("a failing job fails alone; the others in its batch still commit", async () => {
    const gc = createGroupCommitter(t.db, opts());
    const jobs = ["ok-1", "gc-0" /* duplicate key */, "ok-2"].map((id) => gc.run((trx) => trx.insertInto("learners").values(learner(id)).execute()));
    const settled = await Promise.allSettled(jobs);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await t.db.selectFrom("learners").select("id").where("id", "in", ["ok-1", "ok-2"]).execute();
    expect(rows).toHaveLength(2);
    await gc.close();
  });

  it("idle() resolves only after every job queued before it has committed (the shutdown flush)", async () => {
    const gc = createGroupCommitter(t.db, opts());
    const done: string[] = [];
    const ids = Array.from({ length: 20 }, (_, i) => `idle-${i}`);
    for (const id of ids) void gc.run((trx) => trx.insertInto("learners").values(learner(id)).execute()).then(() => done.push(id));
    await gc.close();
    expect(done).toHaveLength(20);
    expect(await t.db.selectFrom("learners").select("id").where("id", "like", "idle-%").execute()).toHaveLength(20);
    await gc.idle(); // nothing queued: resolves at once
  });
});

describe("deferred sync on SQLite", () => {
  const t = setupTestDb("sqlite");

  it("restores synchronous=FULL after each batch and checkpoints at FULL", async () => {
    if (t.config.dialect !== "sqlite") throw new Error("expected SQLite");
    const gc = createGroupCommitter(t.db, { sqliteDeferredSync: { file: t.config.sqlitePath, checkpointEveryJobs: 20 } });
    const at = new Date().toISOString();
    await Promise.all(Array.from({ length: 30 }, (_, i) => gc.run((trx) => trx.insertInto("learners").values({ id: `d-${i}`, created_at: at, user_id: null }).execute())));
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.db);
    expect(rows[0].synchronous).toBe(2);
    await gc.idle(); // the checkpoint runs in a worker thread, beside the batches
    expect(gc.stats().checkpoints).toBeGreaterThanOrEqual(1);
    // It copied the WAL into the database file: a second PASSIVE checkpoint finds nothing left to copy.
    const [cp] = (await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(PASSIVE)`.execute(t.db)).rows;
    expect(cp.log).toBe(cp.checkpointed);
    await gc.close();
    expect(await t.db.selectFrom("learners").select("id").where("id", "like", "d-%").execute()).toHaveLength(30);
  });
});

describe("the WAL under steady writes", () => {
  const t = setupTestDb("sqlite");
  const limit = 512 * 1024;
  // How far past its limit the WAL gets depends on how long each checkpoint takes while the writers go on, so
  // the sizes are loose bounds on either side; the RESTART count is what fails without the limit.
  // - With the limit: 1.7–2.9 MB on a quiet machine, 6–12 MB with other test files or three busy loops on the
  //   two cores. Of ~24 MB written, so the WAL was reused.
  // - Without it: 6.9–19 MB (an occasional PASSIVE checkpoint does catch up between two batches).
  const limitedBound = 16 * 1024 * 1024;
  const unboundedAtLeast = 4 * 1024 * 1024;

  /** 40 writers, each committing again as soon as its last commit is answered, for 8,000 jobs of a 3 KB row
   * each (~24 MB of WAL frames in all); returns the largest size the -wal file reached, and the stats. */
  async function steadyWrites(walLimitBytes: number, prefix: string) {
    if (t.config.dialect !== "sqlite") throw new Error("expected SQLite");
    const wal = `${t.config.sqlitePath}-wal`;
    const gc = createGroupCommitter(t.db, { sqliteDeferredSync: { file: t.config.sqlitePath, checkpointEveryJobs: 20, walLimitBytes } });
    const padding = "x".repeat(3000);
    const insert = (id: string) => gc.run((trx) => trx.insertInto("learners").values({ id, created_at: padding, user_id: null }).execute());
    // Start the checkpoint worker first, then begin from an empty WAL file.
    await Promise.all(Array.from({ length: 20 }, (_, i) => insert(`${prefix}-warm-${i}`)));
    await gc.idle();
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(t.db);
    const jobs = 8000;
    let next = 0;
    let largest = 0;
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < jobs) {
          await insert(`${prefix}-${next++}`);
          largest = Math.max(largest, fs.statSync(wal).size);
        }
      }),
    );
    const stats = gc.stats();
    await gc.close();
    const count = await t.db.selectFrom("learners").select((eb) => eb.fn.countAll<number>().as("n")).where("id", "like", `${prefix}-%`).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(jobs + 20);
    return { largest, stats };
  }

  it("starts over once it passes its limit, instead of growing for as long as the writes go on", async () => {
    const { largest, stats } = await steadyWrites(limit, "steady");
    expect(stats.walRestarts).toBeGreaterThanOrEqual(3);
    expect(largest).toBeLessThan(limitedBound);
  });

  it("without a limit, PASSIVE checkpoints alone let it grow (what the limit is for)", async () => {
    const { largest, stats } = await steadyWrites(Number.POSITIVE_INFINITY, "unbounded");
    expect(stats.walRestarts).toBe(0);
    expect(largest).toBeGreaterThan(unboundedAtLeast);
  });
});

describe("another process holding SQLite's write lock", () => {
  const t = setupTestDb("sqlite");

  it("a batch waits for the lock on timers, so the event loop keeps running, and commits once it is free", async () => {
    if (t.config.dialect !== "sqlite") throw new Error("expected SQLite");
    // A second connection to the file stands for a second server process in the middle of its transaction.
    const other = new SQLite(t.config.sqlitePath);
    other.prepare("begin immediate").run();
    const gc = createGroupCommitter(t.db, { sqliteDeferredSync: { file: t.config.sqlitePath } });
    const events: string[] = [];
    const job = gc.run((trx) => trx.insertInto("learners").values({ id: "after-lock", created_at: new Date().toISOString(), user_id: null }).execute()).then(() => events.push("committed"));
    // Had the batch waited in SQLite's busy handler, this thread would sleep for 5 s and no timer would fire.
    await new Promise((r) => setTimeout(r, 30));
    events.push("timer");
    other.prepare("commit").run();
    other.close();
    await job;
    expect(events).toEqual(["timer", "committed"]);
    expect(await t.db.selectFrom("learners").select("id").where("id", "=", "after-lock").execute()).toHaveLength(1);
    // The other statements of this process wait in SQLite as before.
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(t.db);
    expect(rows[0].timeout).toBe(5000);
    await gc.close();
  });

  it("whenWriteLockFree retries only SQLITE_BUSY, and gives up after its wait", async () => {
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    let tries = 0;
    await expect(whenWriteLockFree(async () => (++tries < 3 ? Promise.reject(busy) : "done"))).resolves.toBe("done");
    expect(tries).toBe(3);
    tries = 0;
    await expect(whenWriteLockFree(async () => (tries++, Promise.reject(new Error("constraint"))))).rejects.toThrow("constraint");
    expect(tries).toBe(1);
    await expect(whenWriteLockFree(() => Promise.reject(busy), 20)).rejects.toBe(busy);
  });
});
