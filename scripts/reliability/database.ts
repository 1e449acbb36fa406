// A throwaway, migrated database for one load or crash run: a SQLite file in a temp directory, or a
// uniquely named database on the Postgres server that DATABASE_URL (or the local default) points at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "../../lib/db/connect";
import { migrateToLatest } from "../../lib/db/migrate";

export type DbKind = "sqlite" | "postgres";

export type ScratchDatabase = {
  kind: DbKind;
  /** Human-readable location for reports (file path or database name). */
  label: string;
  /** Environment for the server process. */
  env: Record<string, string>;
  /** Opens a fresh connection (the caller closes it) — for verification after the server is gone. */
  open: () => DbHandle;
  /** Deletes the file or drops the database. */
  drop: () => Promise<void>;
};

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

/** Creates and migrates a scratch database of the given kind. */
export async function createScratchDatabase(kind: DbKind, postgresUrl = process.env.DATABASE_URL || DEFAULT_POSTGRES_URL): Promise<ScratchDatabase> {
  const name = `reliability_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-"));
    const file = path.join(dir, `${name}.sqlite`);
    const handle = createDb({ dialect: "sqlite", sqlitePath: file });
    await migrateToLatest(handle.db);
    await handle.close();
    return {
      kind,
      label: file,
      env: { SQLITE_PATH: file, DATABASE_URL: "" },
      open: () => createDb({ dialect: "sqlite", sqlitePath: file }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`Postgres is unreachable at ${postgresUrl} (${(err as Error).message}).`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const handle = createDb({ dialect: "postgres", connectionString, poolSize: 2 });
  await migrateToLatest(handle.db);
  await handle.close();
  return {
    kind,
    label: `${url.host}/${name}`,
    env: { DATABASE_URL: connectionString },
    open: () => createDb({ dialect: "postgres", connectionString, poolSize: 4 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
