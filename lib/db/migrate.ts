// Runs the Kysely migrator over the statically imported migrations (lib/db/migrations/index.ts).
import { Migrator, sql, type Kysely, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations";
import { isPostgres } from "./migrations/dialect";

function migratorFor<DB>(db: Kysely<DB>): Migrator {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
  return new Migrator({ db: db as Kysely<any>, provider: { getMigrations: async () => migrations } });
}

function check(label: string, r: MigrationResultSet): string[] {
  if (r.error) {
    const failed = r.results?.find((x) => x.status === "Error")?.migrationName;
    const cause = r.error instanceof Error ? r.error.message : String(r.error);
    throw new Error(`${label} failed${failed ? ` at ${failed}` : ""}: ${cause}`, { cause: r.error });
  }
  return (r.results ?? []).filter((x) => x.status === "Success").map((x) => x.migrationName);
}

/** Applies pending migrations; returns the names applied. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  return check("migration", await migratorFor(db).migrateToLatest());
}

/** Migrates up or down to the named migration (tests of a migration's data copy use it). */
export async function migrateTo<DB>(db: Kysely<DB>, name: string): Promise<string[]> {
  return check("migration", await migratorFor(db).migrateTo(name));
}

/** Drops every table in the database (or the current Postgres schema), then migrates afresh. */
export async function resetDatabase<DB>(db: Kysely<DB>): Promise<string[]> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema()`.execute(db);
    for (const { tablename } of rows) await sql`drop table if exists ${sql.id(tablename)} cascade`.execute(db);
  } else {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    await sql`pragma foreign_keys = off`.execute(db);
    for (const { name } of rows) await sql`drop table if exists ${sql.id(name)}`.execute(db);
    await sql`pragma foreign_keys = on`.execute(db);
  }
  return migrateToLatest(db);
}
