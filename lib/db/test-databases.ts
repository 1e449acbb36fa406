// Test helper: a fresh, migrated database per test file on each dialect — a temp SQLite file, and a
// uniquely named Postgres database on 127.0.0.1:5432 (TEST_POSTGRES_URL overrides) that is dropped after.
// Postgres being unreachable FAILS the suite; set SKIP_POSTGRES=1 to run SQLite only, on purpose.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbDialect, type DbHandle } from "./connect";
import { migrateToLatest } from "./migrate";

export const TEST_DIALECTS: readonly DbDialect[] = process.env.SKIP_POSTGRES === "1" ? ["sqlite"] : ["sqlite", "postgres"];

const adminUrl = () => process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type TestDb = DbHandle & { dialect: DbDialect; drop: () => Promise<void> };

/** Opens and migrates a throwaway database; call drop() in afterAll. */
export async function openTestDb(dialect: DbDialect): Promise<TestDb> {
  const name = `quiz_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quiz-db-"));
    const handle = createDb({ dialect: "sqlite", sqlitePath: path.join(dir, `${name}.sqlite`) });
    await migrateToLatest(handle.db);
    return { ...handle, dialect, drop: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `Postgres is unreachable at ${adminUrl()} (${(err as Error).message}). Start it ` +
        "(pg_ctlcluster --skip-systemctl-redirect <version> main start) or set SKIP_POSTGRES=1 to test SQLite only.",
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = createDb({ dialect: "postgres", connectionString: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dialect,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
