import { describe, expect, it } from "vitest";
import { createGroupCommitter } from "./group-commit";
import { param, prepare } from "./prepared";
import type { Database } from "./schema";
import { sqliteLaneOf } from "./sqlite-lane";
import { setupTestDb } from "./setup-test-db";

describe("the synchronous lane for compiled statements on SQLite", () => {
  const t = setupTestDb("sqlite");

  const at = "2026-01-01T00:00:00.000Z";
  const insert = prepare<Database, never>((db) => db.insertInto("learners").values({ id: param("id"), created_at: at, user_id: null }));
  const byId = prepare<Database, { id: string }>((db) => db.selectFrom("learners").select("id").where("id", "=", param<string>("id")));
  const countSql = 'select count(*) as n from "learners"';

  it("runs a statement at once when the connection is free, and refuses while something holds it", async () => {
    const lane = sqliteLaneOf(t.db)!;
    expect(lane).toBeDefined();
    expect(lane(countSql, [])).toEqual({ rows: [{ n: 0 }] });
    let inside: unknown = "not run";
    await t.db.connection().execute(async () => {
      inside = lane(countSql, []);
    });
    expect(inside).toBeNull();
    expect(lane(countSql, [])).not.toBeNull(); // free again after the holder is done
  });

  it("makes a compiled statement issued during a transaction wait, so it never sees uncommitted rows", async () => {
    let seen: Promise<unknown> | null = null;
    const tx = t.db
      .transaction()
      .execute(async (trx) => {
        await insert(trx, { id: "lane-uncommitted" });
        seen = byId(t.db, { id: "lane-uncommitted" }).then((r) => r.rows);
        await new Promise((r) => setTimeout(r, 20));
        throw new Error("roll back");
      })
      .catch(() => "rolled back");
    expect(await tx).toBe("rolled back");
    expect(await seen!).toEqual([]);
  });

  it("runs a group commit's statements on its held connection, inside its transaction", async () => {
    const gc = createGroupCommitter(t.db, { sqliteDeferredSync: { file: (t.config as { sqlitePath: string }).sqlitePath } });
    const lanes: unknown[] = [];
    const ok = gc.run(async (trx) => {
      lanes.push(sqliteLaneOf(trx));
      await insert(trx, { id: "lane-kept" });
      return (await byId(trx, { id: "lane-kept" })).rows;
    });
    // A failing job fails alone: its insert is rolled back with its transaction, so the lane ran inside it.
    const failing = gc.run(async (trx) => {
      await insert(trx, { id: "lane-rolled-back" });
      throw new Error("this job fails");
    });
    expect(await ok).toEqual([{ id: "lane-kept" }]);
    await expect(failing).rejects.toThrow("this job fails");
    await gc.close();
    expect(lanes[0]).toBeTypeOf("function");
    expect((await byId(t.db, { id: "lane-rolled-back" })).rows).toEqual([]);
    expect((await byId(t.db, { id: "lane-kept" })).rows).toEqual([{ id: "lane-kept" }]);
  });

  it("has no lane on a transaction once it has ended", async () => {
    let kept: object | null = null;
    await t.db.transaction().execute(async (trx) => {
      kept = trx;
    });
    expect(sqliteLaneOf(kept!)).toBeUndefined();
    const gc = createGroupCommitter(t.db);
    const trx = await gc.run(async (trx) => trx);
    await gc.close();
    expect(sqliteLaneOf(trx)).toBeUndefined();
  });
});
