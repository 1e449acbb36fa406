import { describe, expect, it } from "vitest";
import { param, prepare } from "./prepared";
import type { Database } from "./schema";
import { TEST_DIALECTS } from "./test-databases";
import { setupTestDb } from "./setup-test-db";

describe.each(TEST_DIALECTS)("prepared queries on %s", (dialect) => {
  const t = setupTestDb(dialect);

  const insert = prepare<Database, never>((db) =>
    db.insertInto("learners").values({ id: param("id"), created_at: param("at"), user_id: null }).onConflict((oc) => oc.doNothing()),
  );
  const byId = prepare<Database, { id: string; created_at: string }>((db) => db.selectFrom("learners").select(["id", "created_at"]).where("id", "=", param<string>("id")).where("user_id", "is", null));

  it("runs one compiled statement with new values each time, inside transactions too, like the built query", async () => {
    const at = new Date().toISOString();
    for (const id of ["p-1", "p-2"]) expect((await insert(t.db, { id, at })).numAffectedRows).toBe(1n);
    expect((await insert(t.db, { id: "p-1", at })).numAffectedRows ?? 0n).toBe(0n); // on conflict do nothing
    await t.db.transaction().execute((trx) => insert(trx, { id: "p-3", at }));
    for (const id of ["p-1", "p-2", "p-3"]) expect((await byId(t.db, { id })).rows).toEqual([{ id, created_at: at }]);
    expect((await byId(t.db, { id: "nobody" })).rows).toEqual([]);
  });

  it("refuses to run with a value missing", async () => {
    await expect(byId(t.db, {})).rejects.toThrow(/no value for "id"/);
  });
});
