// Queries compiled once and run many times with new values. On the quiz-attempt hot path, building and
// compiling each statement with Kysely cost about as much CPU as SQLite's own work (docs/decisions/063).
import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import { sqliteLaneOf } from "./sqlite-lane";

const MARK = "\u0000prepared-param:";

/** A stand-in for a value inside a prepared query: replaced by `values[name]` each time the query runs. */
export function param<T>(name: string): T {
  return `${MARK}${name}` as T;
}

type Entry<R> = { compiled: CompiledQuery<R>; slots: (string | null)[] };

/** Compiles `build`'s query once per database dialect (on first use) and returns a runner that executes it
 * with `values` in place of each `param(name)`. Only values may be params: not identifiers, not lists whose
 * length varies. Runs on whatever `db` is given — a transaction included. */
export function prepare<DB, R>(build: (db: Kysely<DB>) => Compilable<R>): (db: Kysely<DB>, values: Record<string, unknown>) => Promise<QueryResult<R>> {
  // Keyed by the dialect adapter, which a transaction shares with its database.
  const byAdapter = new WeakMap<object, Entry<R>>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let entry = byAdapter.get(adapter);
    if (!entry) {
      const compiled = build(db).compile();
      const slots = compiled.parameters.map((p) => (typeof p === "string" && p.startsWith(MARK) ? p.slice(MARK.length) : null));
      entry = { compiled, slots };
      byAdapter.set(adapter, entry);
    }
    const { compiled, slots } = entry;
    const parameters = slots.map((name, i) => {
      if (name === null) return compiled.parameters[i];
      if (!(name in values)) throw new Error(`prepared query: no value for "${name}"`);
      return values[name];
    });
    // SQLite: at once and synchronously when the connection is free or held by this transaction.
    const now = sqliteLaneOf(db)?.(compiled.sql, parameters);
    if (now) return now as QueryResult<R>;
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}
