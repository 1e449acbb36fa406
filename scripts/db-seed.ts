// Seeds the demo (an instructor, a class, two learners with graded attempts) into an EMPTY database and
// prints the demo sign-in. A database with any account is left alone. Run after db-migrate.ts.
// Usage: npx tsx scripts/db-seed.ts
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// App modules are marked server-only; Node resolves that marker to a no-op only under react-server.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const { configFromEnv, createDb } = await import("../lib/db/connect");
const { buildAppContext } = await import("../lib/auth/context.server");
const { seedDemo } = await import("../lib/classes/demo-seed.server");

const { db, close } = createDb(configFromEnv());
try {
  const ctx = await buildAppContext(db);
  const out = await seedDemo(ctx);
  const demo = await db.selectFrom("users").select("email").where("email", "=", out.accounts[0].email).executeTakeFirst();
  if (out.seeded) console.log("seeded the demo class (Neural Networks 101) with two learners and their attempts");
  if (demo) {
    console.log("\n  Demo sign-in (password for all three: " + out.password + ")");
    for (const a of out.accounts) console.log(`    ${a.role.padEnd(10)} ${a.email}`);
    console.log("");
  } else if (!out.seeded) {
    console.log("database already has accounts; demo data not added");
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await close();
}
