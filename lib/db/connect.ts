// Opens a Kysely instance for the configured database: Postgres when DATABASE_URL is postgres://…,
// otherwise a SQLite file (SQLITE_PATH, default data/app.sqlite) in WAL mode with synchronous=FULL.
// Not marked server-only so that tsx scripts (migrate, seed) can import it; app code uses lib/db/index.ts.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { Kysely, PostgresDialect, type SqliteDatabase } from "kysely";
import { FifoSqliteDialect } from "./sqlite-fifo-dialect";
import { runStatement, setHeldSqliteLane, setSqliteLane, type SqliteLane } from "./sqlite-lane";
import type { Database } from "./schema";

export type DbDialect = "sqlite" | "postgres";

export type DbConfig =
  | { dialect: "sqlite"; sqlitePath: string }
  | { dialect: "postgres"; connectionString: string; schema?: string; poolSize?: number };

export type DbHandle = { db: Kysely<Database>; config: DbConfig; close: () => Promise<void> };

/** Reads DATABASE_URL / SQLITE_PATH from an environment into a DbConfig. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    return { dialect: "postgres", connectionString: url, poolSize: env.PG_POOL_SIZE ? Number(env.PG_POOL_SIZE) : undefined };
  }
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(":")[0]}:…"); unset it to use SQLite`);
  const custom = env.SQLITE_PATH?.trim();
  // The ignore comment keeps Turbopack from tracing the whole project for a path only known at run time.
  return { dialect: "sqlite", sqlitePath: custom ? path.resolve(/*turbopackIgnore: true*/ custom) : path.join(process.cwd(), "data", "app.sqlite") };
}

/** SQLite's busy timeout: how long a statement waits for a lock another connection holds (lib/db/group-commit.ts
 * waits as long for its batches, on timers instead). */
export const BUSY_TIMEOUT_MS = 5000;

/** How large the WAL may grow before it starts over (decision 073): after a checkpoint that finds it longer,
 * the group committer asks for a RESTART, and every connection truncates the file back to this length. */
export const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

/** Opens a better-sqlite3 database with the pragmas every connection needs. */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a commit is fsynced before it is acknowledged (see docs/decisions/031-group-commit.md).
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // Another process (a second server process, a migration, the seed) may hold the write lock for a moment.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Once the WAL starts over, the next commit truncates the file to this length, so a burst of writes does not
  // leave a WAL of its peak size on disk for good.
  sqlite.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  return sqlite;
}

// Timestamps are ISO-8601 strings in application code on both dialects: pg would otherwise turn
// timestamptz into Date objects while SQLite returns text.
const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMPTZ_OID) return (s: string) => new Date(s).toISOString();
    if (oid === INT8_OID) return (s: string) => Number(s);
    return pg.types.getTypeParser(oid, format);
  },
};

const STATEMENT_CACHE_SIZE = 256;

/** Kysely's SQLite driver prepares every statement anew; compiling SQL was a large share of the cost of
 * a quiz attempt. This reuses prepared statements by SQL text (all/run only: a streaming iterate gets a
 * fresh statement, since an iterating statement cannot be shared). */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  type Prepared = ReturnType<SqliteDatabase["prepare"]>;
  // The wrapper is cached with its statement: building one per query was measurable on the attempt hot path.
  const cache = new Map<string, Prepared>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let prepared = cache.get(sql);
      if (!prepared) {
        const s = sqlite.prepare(sql);
        prepared = {
          reader: s.reader,
          all: (params: ReadonlyArray<unknown>) => s.all(...params),
          run: (params: ReadonlyArray<unknown>) => s.run(...params),
          iterate: (params: ReadonlyArray<unknown>) => sqlite.prepare(sql).iterate(...params) as IterableIterator<unknown>,
        };
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sql, prepared);
      }
      return prepared;
    },
  };
}

/** Creates a Kysely instance for a config; the caller owns it and must call close(). */
export function createDb(config: DbConfig = configFromEnv()): DbHandle {
  if (config.dialect === "sqlite") {
    const sqlite = openSqlite(config.sqlitePath);
    const database = withStatementCache(sqlite);
    const dialect = new FifoSqliteDialect({ database });
    const db = new Kysely<Database>({ dialect });
    const held: SqliteLane = (sql, parameters) => runStatement(database.prepare(sql), parameters);
    setHeldSqliteLane(db, held);
    setSqliteLane(db, (sql, parameters) => dialect.runIfFree(() => held(sql, parameters)));
    return { db, config, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.poolSize ?? 10,
    types: pgTypes as never, // pg's CustomTypesConfig typing is narrower than the parser it accepts
    options: config.schema ? `-c search_path=${config.schema}` : undefined,
  });
  // A connection can end while its client sits idle in the pool: Postgres restarts, or an administrator or a
  // dropped database terminates it. The pool then drops the client and emits "error", which with no listener
  // Node throws, and the process exits. The next query simply opens a new connection.
  pool.on("error", (err) => console.error("postgres: an idle connection ended and was dropped:", err.message));
  // pool.end() resolves as soon as it has asked each client to end, before their connections close; "remove"
  // comes once one has. close() waits for that, so a caller may drop the database next without terminating them.
  let open = 0;
  let closed: (() => void) | null = null;
  pool.on("connect", () => void open++);
  pool.on("remove", () => {
    if (--open === 0) closed?.();
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // One close, however often it is asked for: a second call while the first waits gets the same promise (a
  // second resolver in `closed` would leave the first call to its backstop).
  let closing: Promise<void> | null = null;
  const close = async () => {
    // At most a few seconds: a connection that never reports its end must not hold a shutdown forever.
    const allClosed = open === 0 ? Promise.resolve() : new Promise<void>((resolve) => {
      closed = resolve;
      setTimeout(resolve, 5000).unref();
    });
    await db.destroy();
    await allClosed;
  };
  return { db, config, close: () => (closing ??= close()) };
}
