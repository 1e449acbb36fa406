// Shared steps for `npm start`, `npm test` and `npm run dev`: install dependencies when missing or stale,
// rebuild when sources changed, migrate the database. Only Node built-ins here — node_modules may not exist yet.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function log(message) {
  console.log(`› ${message}`);
}

/** Runs a command inheriting stdio; resolves with its exit code. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

export function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

function hashFiles(files) {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`\0${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Installs dependencies with `npm ci` unless node_modules matches package-lock.json already. */
export async function ensureDependencies() {
  const stampFile = path.join(root, "node_modules", ".install-stamp");
  const lock = path.join(root, "package-lock.json");
  const want = hashFiles([lock, path.join(root, "package.json")]);
  const have = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
  if (have === want && existsSync(path.join(root, "node_modules", "next"))) return;
  log("Installing dependencies (npm ci; better-sqlite3 compiles from source, a few minutes the first time)…");
  const code = await run("npm", ["ci", "--no-audit", "--no-fund"]);
  if (code !== 0) throw new Error("npm ci failed — see the output above");
  writeFileSync(stampFile, `${want}\n`);
}

const BUILD_INPUTS = ["app", "lib", "content", "public"];
const BUILD_FILES = ["package-lock.json", "package.json", "next.config.js", "tsconfig.json"];

function sourceHash() {
  const files = BUILD_INPUTS.flatMap((d) => walk(path.join(root, d)))
    .filter((f) => !/\.test\.tsx?$/.test(f))
    .concat(BUILD_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f)))
    .sort();
  return hashFiles(files);
}

/** Runs `next build` (then bundles the server's attempts fast path, scripts/lib/fast-path.mjs) unless the
 * last successful build was made from exactly these sources. */
export async function ensureBuild({ force = false, env = {} } = {}) {
  const stampFile = path.join(root, ".next", "source-stamp");
  const want = sourceHash();
  const have = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
  if (!force && have === want && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("Build is up to date.");
    return 0;
  }
  log("Building the production site (next build)…");
  const code = await run(bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (code === 0) {
    try {
      const { buildFastPath } = await import("./fast-path.mjs");
      await buildFastPath();
    } catch (error) {
      console.error(`✗ bundling the attempts fast path failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    mkdirSync(path.join(root, ".next"), { recursive: true });
    writeFileSync(stampFile, `${want}\n`);
  }
  return code;
}

/** Creates or migrates the database (SQLite under data/ unless DATABASE_URL says Postgres); seeds demo data. */
export async function ensureDatabase() {
  mkdirSync(path.join(root, "data"), { recursive: true });
  const migrate = path.join(root, "scripts", "db-migrate.ts");
  if (!existsSync(migrate)) return;
  log(process.env.DATABASE_URL ? "Migrating the Postgres database…" : "Migrating the SQLite database…");
  const code = await run(bin("tsx"), [migrate]);
  if (code !== 0) throw new Error("database migration failed — see the output above");
  const seed = path.join(root, "scripts", "db-seed.ts");
  if (existsSync(seed)) {
    const seeded = await run(bin("tsx"), [seed]);
    if (seeded !== 0) throw new Error("seeding demo data failed — see the output above");
  }
}

/** Polls `url` until it answers 200 or `timeoutMs` passes. */
export async function waitForUrl(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** True when `cmd` is on PATH. */
export function which(cmd) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}
