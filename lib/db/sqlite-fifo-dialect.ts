// Kysely's SQLite dialect with a first-come-first-served lock on its one connection. Kysely's own lock wakes
// every waiter on each release and all but one go back to waiting: with a hundred quiz requests queued behind
// a group-commit transaction that was a hundred promise wake-ups per query — 30 KB of garbage and a share of
// the event loop per attempt (docs/decisions/031-group-commit.md). Here a release hands the connection to the
// longest waiter, and no one else wakes.
// Transactions begin IMMEDIATE: several server processes may write to one file (decision 070), and a deferred
// transaction that reads first and writes later fails with SQLITE_BUSY_SNAPSHOT when another process committed
// in between, without waiting. IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies.
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from "kysely";
import { RingQueue } from "./ring-queue";

/** The one SQLite connection, handed to waiters in arrival order. */
class FifoSqliteDriver extends SqliteDriver {
  #connection: DatabaseConnection | null = null;
  #held = false;
  // Not an Array with push/shift: see ring-queue.ts (a long-lived queue of short-lived waiters).
  #waiters = new RingQueue<() => void>();

  override async init(): Promise<void> {
    await super.init();
    // Take the connection from the base driver once; this driver's lock governs it from now on.
    this.#connection = await super.acquireConnection();
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    else this.#held = true;
    return this.#connection!;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  override async releaseConnection(): Promise<void> {
    this.#release();
  }

  #release(): void {
    const next = this.#waiters.shift();
    // Handed over still held: the next waiter owns the connection the moment it resumes.
    if (next) next();
    else this.#held = false;
  }

  /** Runs `fn` at once if the connection is initialised and free, holding it throughout (fn must not yield),
   * and returns its result; returns null, running nothing, when someone holds it or it is not open yet. */
  runIfFree<T>(fn: () => T): T | null {
    if (this.#held || !this.#connection) return null;
    this.#held = true;
    try {
      return fn();
    } finally {
      this.#release();
    }
  }
}

export class FifoSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  #drivers: FifoSqliteDriver[] = [];

  override createDriver(): Driver {
    const driver = new FifoSqliteDriver(this.#config);
    this.#drivers.push(driver);
    return driver;
  }

  /** The synchronous lane's lock (lib/db/sqlite-lane.ts): runs `fn` now and returns its result if the
   * connection is free, else returns null. Only for a dialect given to one Kysely instance (createDb's), i.e.
   * with one driver. */
  runIfFree<T>(fn: () => T): T | null {
    return this.#drivers.length === 1 ? this.#drivers[0].runIfFree(fn) : null;
  }
}
