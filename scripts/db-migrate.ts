// Migrates the configured database (DATABASE_URL or SQLITE_PATH / data/app.sqlite).
// Usage: npx tsx scripts/db-migrate.ts [--reset]   (--reset drops every table first)
import { configFromEnv, createDb } from "../lib/db/connect";
import { migrateToLatest, resetDatabase } from "../lib/db/migrate";

async function main(): Promise<void> {
  const reset = process.argv.includes("--reset");
  const unknown = process.argv.slice(2).filter((a) => a !== "--reset");
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(" ")} (usage: db-migrate.ts [--reset])`);
  const config = configFromEnv();
  const where = config.dialect === "sqlite" ? config.sqlitePath : config.connectionString.replace(/\/\/[^@/]*@/, "//…@");
  const { db, close } = createDb(config);
  try {
    const applied = reset ? await resetDatabase(db) : await migrateToLatest(db);
    console.log(`${reset ? "reset and migrated" : "migrated"} ${config.dialect} (${where}): ${applied.length ? applied.join(", ") : "already up to date"}`);
  } finally {
    await close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
