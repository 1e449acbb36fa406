import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGroupCommitter } from "./group-commit";
import { openTestDb, TEST_DIALECTS, type TestDb } from "./test-databases";

describe.each(TEST_DIALECTS)("group commit on %s", (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const learner = (id: string) => ({ id, created_at: new Date().toISOString(), user_id: null });

  it("commits concurrent jobs in few transactions and answers each after its commit", async () => {
    const gc = createGroupCommitter(t.db);
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
  });

  it("a failing job fails alone; the others in its batch still commit", async () => {
    const gc = createGroupCommitter(t.db);
    const jobs = ["ok-1", "gc-0" /* duplicate key */, "ok-2"].map((id) => gc.run((trx) => trx.insertInto("learners").values(learner(id)).execute()));
    const settled = await Promise.allSettled(jobs);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await t.db.selectFrom("learners").select("id").where("id", "in", ["ok-1", "ok-2"]).execute();
    expect(rows).toHaveLength(2);
  });
});
