// The synchronous lane for compiled statements on SQLite. better-sqlite3 is synchronous, yet every statement
// through Kysely crosses a chain of async layers (executor, connection provider, lock, connection): about a
// dozen promises per statement. With Next's AsyncLocalStorage active in the same process (it is, once Next
// has served a request), Node runs async hooks for every promise, and that chain cost a quiz attempt more
// CPU than SQLite's own work (docs/decisions/069-sqlite-sync-lane.md). Here a compiled statement runs at
// once, on the one connection, when nothing else holds it; otherwise it takes Kysely's path and waits.
import type { QueryResult } from "kysely";

/** Runs one compiled statement now, or returns null when it must wait its turn (the connection is held). */
export type SqliteLane = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown> | null;

/** A database's (or an open transaction's) lane; transactions are registered only while they hold the connection. */
const lanes = new WeakMap<object, SqliteLane>();

export function sqliteLaneOf(db: object): SqliteLane | undefined {
  return lanes.get(db);
}

export function setSqliteLane(db: object, lane: SqliteLane): void {
  lanes.set(db, lane);
}

export function clearSqliteLane(db: object): void {
  lanes.delete(db);
}

/** The connection's lane for a caller that already holds it (a transaction in progress): never waits. */
const heldLanes = new WeakMap<object, SqliteLane>();

export function heldSqliteLaneOf(db: object): SqliteLane | undefined {
  return heldLanes.get(db);
}

export function setHeldSqliteLane(db: object, lane: SqliteLane): void {
  heldLanes.set(db, lane);
}

type Statement = { reader: boolean; all: (p: readonly unknown[]) => unknown[]; run: (p: readonly unknown[]) => { changes: number | bigint; lastInsertRowid: number | bigint } };

/** Runs a statement as Kysely's SqliteConnection does, and returns the same result shape. */
export function runStatement(stmt: Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return {
    numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
    insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
    rows: [],
  };
}
