import { describe, expect, it, vi } from "vitest";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { configFromEnv, createDb } from "./connect";
import { migrateTo, migrateToLatest, resetDatabase } from "./migrate";
import { migrations } from "./migrations";
import { TEST_DIALECTS } from "./test-databases";
import { setupTestDb } from "./setup-test-db";

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
  const t = setupTestDb(dialect);

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
    const attempt = { id: "a1", learner_id: "l1", quiz_id: "q", variant_id: "v1", seed: 7, attempt_number: 1, idempotency_key: "k", request_hash: "h", score: 1.5, max_score: 2, result_json: "{}", answers_json: "[]", created_at: now };
    await t.db.insertInto("quiz_attempts").values(attempt).execute();
    await expect(t.db.insertInto("quiz_attempts").values({ ...attempt, id: "a2", idempotency_key: "k2" }).execute()).rejects.toThrow();
    const r = await t.db.insertInto("quiz_attempts").values({ ...attempt, id: "a3" }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    expect(Number(r.numInsertedOrUpdatedRows)).toBe(0);
    const { n } = await t.db.selectFrom("quiz_attempts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
    const row = await t.db.selectFrom("quiz_attempts").select(["score", "seed"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ score: 1.5, seed: 7 });
  });

  it("moves stored answer rows into their attempt's answers_json, and back", async () => {
    // The schema before 103 (one attempt_answers row per question), holding attempt a1 from the test above.
    expect(await migrateTo(t.db, "102-classes")).toEqual(["105-shared-rate-limits", "104-fewer-attempt-indexes", "103-answers-in-attempt-row"]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table no longer exists in the current schema type
    const old = t.db as unknown as Kysely<any>;
    const row = (q: string, position: number, over: object = {}) => ({ attempt_id: "a1", question_id: q, position, response_json: "{}", choice_ids: "", status: "correct", points: 1, max_points: 1, ...over });
    await old
      .insertInto("attempt_answers")
      .values([
        row("q-tf", 2, { response_json: JSON.stringify({ value: false, because: "B" }), choice_ids: "false,discontinuity", status: "incorrect", points: 0 }),
        row("q-multi", 1, { response_json: JSON.stringify({ choices: ["A", "C"] }), choice_ids: "x,y", status: "partial", points: 0.5 }),
        row("q-num", 3, { response_json: JSON.stringify({ value: "3/100" }) }),
      ])
      .execute();
    expect(await migrateToLatest(t.db)).toEqual(["103-answers-in-attempt-row", "104-fewer-attempt-indexes", "105-shared-rate-limits"]);
    const { answers_json } = await t.db.selectFrom("quiz_attempts").select("answers_json").where("id", "=", "a1").executeTakeFirstOrThrow();
    expect(JSON.parse(answers_json)).toEqual([
      { questionId: "q-multi", status: "partial", points: 0.5, maxPoints: 1, choiceIds: ["x", "y"], response: { choices: ["A", "C"] } },
      { questionId: "q-tf", status: "incorrect", points: 0, maxPoints: 1, choiceIds: ["false", "discontinuity"], response: { value: false, because: "B" } },
      { questionId: "q-num", status: "correct", points: 1, maxPoints: 1, choiceIds: [], response: { value: "3/100" } },
    ]);
    // Down again restores the rows; up again restores the JSON.
    await migrateTo(t.db, "102-classes");
    const back = await old.selectFrom("attempt_answers").select(["question_id", "position", "choice_ids", "points"]).orderBy("position").execute();
    expect(back).toEqual([
      { question_id: "q-multi", position: 1, choice_ids: "x,y", points: 0.5 },
      { question_id: "q-tf", position: 2, choice_ids: "false,discontinuity", points: 0 },
      { question_id: "q-num", position: 3, choice_ids: "", points: 1 },
    ]);
    await migrateToLatest(t.db);
  });

  it("reset drops the data and re-creates the schema", async () => {
    expect(await resetDatabase(t.db)).toEqual(Object.keys(migrations));
    const rows = await t.db.selectFrom("learners").selectAll().execute();
    expect(rows).toEqual([]);
    await sql`select 1`.execute(t.db);
  });
});

// Postgres only: SQLite has no server to lose a connection to.
describe.each(TEST_DIALECTS.filter((d) => d === "postgres"))("the %s pool's connections", (dialect) => {
  const t = setupTestDb(dialect);
  const url = (app: string) => {
    if (t.config.dialect !== "postgres") throw new Error("expected Postgres");
    const u = new URL(t.config.connectionString);
    u.searchParams.set("application_name", app);
    return u.toString();
  };
  /** A connection of the test's own, from which it looks at (and ends) the pool's connections. */
  async function adminClient(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url("pool-test-admin") });
    await c.connect();
    return c;
  }
  /** The backends connected to the test database under `app`. */
  async function backends(admin: pg.Client, app: string): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and application_name = $1", [app]);
    return rows.map((r) => r.pid);
  }

  it("an idle connection that the server ends is dropped and logged, and the next query opens a new one", async () => {
    const handle = createDb({ dialect: "postgres", connectionString: url("pool-test-idle"), poolSize: 2 });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const admin = await adminClient();
    try {
      await Promise.all([sql`select pg_sleep(0.05)`.execute(handle.db), sql`select pg_sleep(0.05)`.execute(handle.db)]);
      const idle = await backends(admin, "pool-test-idle");
      expect(idle).toHaveLength(2);
      // What a Postgres restart or `drop database … with (force)` does to idle connections. Without the pool's
      // error listener, Node throws the error event and Vitest reports an uncaught exception.
      await admin.query("select pg_terminate_backend(pid) from unnest($1::int[]) as pid", [idle]);
      await expect.poll(() => logged.mock.calls.length).toBe(2);
      expect(String(logged.mock.calls[0][1])).toMatch(/terminating connection/);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      logged.mockRestore();
      await admin.end();
      await handle.close();
    }
  });

  it("close() returns once every connection has closed, so the database can be dropped at once", async () => {
    const handle = createDb({ dialect: "postgres", connectionString: url("pool-test-close"), poolSize: 3 });
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
    // Connected beforehand, so that it can look the moment close() returns.
    const admin = await adminClient();
    try {
      expect(await backends(admin, "pool-test-close")).toHaveLength(3);
      await handle.close();
      expect(await backends(admin, "pool-test-close")).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  it("close() called again while closing waits for the same close, and neither call waits for the backstop", async () => {
    const handle = createDb({ dialect: "postgres", connectionString: url("pool-test-close-twice"), poolSize: 2 });
    await Promise.all([1, 2].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
    const admin = await adminClient();
    try {
      // A shutdown path and a test's afterAll, say, both closing the handle.
      const first = handle.close();
      const second = handle.close();
      await second;
      // Once the second call has returned (the connections have closed), the first has too: it is not left
      // waiting for close()'s 5 s backstop.
      const firstDone = await Promise.race([first.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50))]);
      expect(firstDone).toBe(true);
      expect(await backends(admin, "pool-test-close-twice")).toEqual([]);
      await handle.close(); // and again once closed: nothing to wait for, nothing thrown
    } finally {
      await admin.end();
    }
  });
});
