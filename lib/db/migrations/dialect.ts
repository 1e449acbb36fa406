// Lets a migration pick column types per dialect (timestamptz on Postgres, text on SQLite).
import { PostgresAdapter, type Kysely } from "kysely";

/** True when the Kysely instance talks to Postgres. */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
