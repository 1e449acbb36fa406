// Playwright's web server: a fresh SQLite database for the run, migrated, then the production server
// (scripts/server.mjs: Next plus the attempts fast path, so e2e exercises both) on the given port.
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, root, run } from "./lib/setup.mjs";

const port = process.argv[2] ?? "3100";
if (!process.env.DATABASE_URL) {
  const file = path.join(root, "data", `e2e-${port}.sqlite`);
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  process.env.SQLITE_PATH = file;
}
await ensureDatabase();
process.exit(await run(process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", port], { env: { NEXT_TELEMETRY_DISABLED: "1" } }));
