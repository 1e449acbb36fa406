import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { configFromEnv } from "./connect";
import { migrateToLatest, resetDatabase } from "./migrate";
import { migrations } from "./migrations";
import { openTestDb, TEST_DIALECTS, type TestDb } from "./test-databases";

describe("configFromEnv", () => {
  it.each([
    [{}, "sqlite"],
    [{ SQLITE_PATH: "/tmp/x.sqlite" }, "sqlite"],
    [{ DATABASE_URL: "postgres://u@h/db" }, "postgres"],
    [{ DATABASE_URL: "postgresql://u@h/db" }, "postgres"],
  ])("%j → %s", (env, dialect) => {
    expect(configFromEnv(env as unknown as NodeJS.ProcessEnv).dialect).toBe(dialect);
  });
  it("defaults to data/app.sqlite and honours SQLITE_PATH", () => {
    expect(configFromEnv({} as unknown as NodeJS.ProcessEnv)).toMatchObject({ sqlitePath: expect.stringMatching(/data\/app\.sqlite$/) });
    expect(configFromEnv({ SQLITE_PATH: "/tmp/x.sqlite" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ sqlitePath: "/tmp/x.sqlite" });
  });
  it("rejects a DATABASE_URL that is not Postgres instead of silently using SQLite", () => {
    expect(() => configFromEnv({ DATABASE_URL: "mysql://x" } as unknown as NodeJS.ProcessEnv)).toThrow(/postgres/);
  });
});

describe.each(TEST_DIALECTS)("database on %s", (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("migrates idempotently", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("round-trips timestamps as ISO strings and nullable user ids", async () => {
    const at = "2026-11-27T12:34:56.789Z";
    await t.db.insertInto("learners").values({ id: "l1", created_at: at, user_id: null }).execute();
    const row = await t.db.selectFrom("learners").selectAll().where("id", "=", "l1").executeTakeFirstOrThrow();
    expect(row).toEqual({ id: "l1", created_at: at, user_id: null });
  });

  it("enforces one attempt per variant and one per idempotency key", async () => {
    const now = new Date().toISOString();
    await t.db.insertInto("quiz_variants").values({ id: "v1", learner_id: "l1", quiz_id: "q", attempt_number: 1, seed: 7, status: "open", created_at: now }).execute();
    const attempt = { id: "a1", learner_id: "l1", quiz_id: "q", variant_id: "v1", seed: 7, attempt_number: 1, idempotency_key: "k", request_hash: "h", score: 1.5, max_score: 2, result_json: "{}", created_at: now };
    await t.db.insertInto("quiz_attempts").values(attempt).execute();
    await expect(t.db.insertInto("quiz_attempts").values({ ...attempt, id: "a2", idempotency_key: "k2" }).execute()).rejects.toThrow();
    const r = await t.db.insertInto("quiz_attempts").values({ ...attempt, id: "a3" }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    expect(Number(r.numInsertedOrUpdatedRows)).toBe(0);
    const { n } = await t.db.selectFrom("quiz_attempts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
    const row = await t.db.selectFrom("quiz_attempts").select(["score", "seed"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ score: 1.5, seed: 7 });
  });

  it("reset drops the data and re-creates the schema", async () => {
    expect(await resetDatabase(t.db)).toEqual(Object.keys(migrations));
    const rows = await t.db.selectFrom("learners").selectAll().execute();
    expect(rows).toEqual([]);
    await sql`select 1`.execute(t.db);
  });
});
