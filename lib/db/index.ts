// The app's database: one Kysely instance per process, migrated on first use.
// Dialect from DATABASE_URL (Postgres) or SQLITE_PATH / data/app.sqlite (SQLite, WAL).
import "server-only";
import type { Kysely } from "kysely";
import { createDb, type DbConfig, type DbHandle } from "./connect";
import { migrateToLatest } from "./migrate";
import type { Database } from "./schema";

export type { Database } from "./schema";
export type { DbDialect } from "./connect";

type Global = { __appDb?: DbHandle; __appDbReady?: Promise<void> };
// Kept on globalThis so Next's dev-mode module reloads do not open a second connection.
const g = globalThis as Global;

/** The shared Kysely instance (opened lazily). Call ensureMigrated() once before the first query. */
export function getDb(): Kysely<Database> {
  g.__appDb ??= createDb();
  return g.__appDb.db;
}

/** Which dialect getDb() talks to. */
export function getDbDialect(): "sqlite" | "postgres" {
  getDb();
  return g.__appDb!.config.dialect;
}

/** The configuration getDb() was opened with (dialect and SQLite path or Postgres URL). */
export function getDbConfig(): DbConfig {
  getDb();
  return g.__appDb!.config;
}

/** Replaces the process database with an already-migrated one (tests that run the API in-process). */
export function useDatabaseForTests(handle: DbHandle): void {
  g.__appDb = handle;
  g.__appDbReady = Promise.resolve();
}

/** Migrations run on start: the first request awaits them; later calls return the same promise. */
export function ensureMigrated(): Promise<void> {
  g.__appDbReady ??= migrateToLatest(getDb()).then(
    () => undefined,
    (err: unknown) => {
      g.__appDbReady = undefined; // let the next request try again rather than failing forever
      throw err;
    },
  );
  return g.__appDbReady;
}

/** Closes the process database (graceful shutdown); a later getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const handle = g.__appDb;
  g.__appDb = undefined;
  g.__appDbReady = undefined;
  await handle?.close();
}
