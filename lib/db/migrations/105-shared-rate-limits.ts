// Rate limits kept in the database instead of each server process's memory, so that they hold across the
// several processes that serve one site (decision 070): better-auth's per-address limits (its "database"
// storage, snake_case) and the per-account sign-in throttle (lib/auth/throttle.ts).
import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  // Milliseconds since the epoch: better-auth compares last_request with Date.now().
  const ms = isPostgres(db) ? sql`bigint` : sql`integer`;
  await db.schema
    .createTable("rate_limits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("last_request", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sign_in_attempts")
    .addColumn("account_key", "text", (c) => c.notNull())
    .addColumn("at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_in_attempts_key_idx").on("sign_in_attempts").columns(["account_key", "at"]).execute();
  await db.schema.createIndex("sign_in_attempts_at_idx").on("sign_in_attempts").column("at").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sign_in_attempts").execute();
  await db.schema.dropTable("rate_limits").execute();
}
