// `npm start`: from a fresh clone to a running production site — install, build, migrate, seed, serve.
import { ensureBuild, ensureDatabase, ensureDependencies, log, root, waitForUrl } from "./lib/setup.mjs";
import { spawn } from "node:child_process";
import path from "node:path";

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number (1–65535), got "${process.env.PORT}"`);
  process.exit(2);
}

try {
  await ensureDependencies();
  const built = await ensureBuild();
  if (built !== 0) throw new Error("next build failed — see the output above");
  await ensureDatabase();
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

log(`Starting the server on port ${port}…`);
// scripts/server.mjs: Next for the site, with POST …/attempts served beside it (docs/decisions/063).
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", String(port)], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

if (await waitForUrl(`http://127.0.0.1:${port}/api/health`, 60_000)) {
  console.log(`\n  Ready: http://localhost:${port}\n`);
}
