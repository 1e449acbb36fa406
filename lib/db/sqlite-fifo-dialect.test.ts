import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import SQLite from "better-sqlite3";
import { setupTestDb } from "./setup-test-db";

describe("the SQLite connection lock (FifoSqliteDialect)", () => {
  const t = setupTestDb("sqlite");

  const count = async () => Number((await sql<{ n: number }>`select count(*) as n from learners`.execute(t.db)).rows[0].n);

  it("keeps other queries out of an open transaction until it ends", async () => {
    let outside: Promise<number> | null = null;
    const tx = t.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto("learners").values({ id: "uncommitted", created_at: "2026-01-01T00:00:00.000Z", user_id: null }).execute();
        outside = count(); // issued while the transaction holds the connection
        await new Promise((r) => setTimeout(r, 20));
        throw new Error("roll back");
      })
      .catch(() => "rolled back");
    expect(await tx).toBe("rolled back");
    // Had it run inside the transaction it would have seen the uncommitted row.
    expect(await outside!).toBe(0);
  });

  it("hands the connection to waiters in the order they asked", async () => {
    const order: number[] = [];
    const hold = t.db.connection().execute(async () => {
      await new Promise((r) => setTimeout(r, 10));
      order.push(0);
    });
    const waiters = Array.from({ length: 50 }, (_, i) => count().then(() => order.push(i + 1)));
    await Promise.all([hold, ...waiters]);
    expect(order).toEqual(Array.from({ length: 51 }, (_, i) => i));
  });

  it("serves queries one at a time and is free again after the last", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => count()));
    expect(new Set(results)).toEqual(new Set([0]));
    expect(await count()).toBe(0);
  });

  it("begins transactions IMMEDIATE: another connection cannot write between a transaction's read and its write", async () => {
    if (t.config.dialect !== "sqlite") throw new Error("expected SQLite");
    const other = new SQLite(t.config.sqlitePath);
    other.pragma("busy_timeout = 0");
    let otherWrite = "";
    await t.db.transaction().execute(async (trx) => {
      await sql`select count(*) from learners`.execute(trx);
      // With a deferred BEGIN this insert would succeed, and this transaction's own write below would then fail
      // with SQLITE_BUSY_SNAPSHOT, without waiting.
      try {
        other.prepare("insert into learners (id, created_at) values ('other', '2026-01-01T00:00:00.000Z')").run();
        otherWrite = "written";
      } catch (err) {
        otherWrite = (err as { code: string }).code;
      }
      await trx.insertInto("learners").values({ id: "mine", created_at: "2026-01-01T00:00:00.000Z", user_id: null }).execute();
    });
    other.close();
    expect(otherWrite).toBe("SQLITE_BUSY");
    expect((await t.db.selectFrom("learners").select("id").where("id", "in", ["mine", "other"]).execute()).map((r) => r.id)).toEqual(["mine"]);
  });
});
