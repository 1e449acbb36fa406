// `npm test`: install if needed, provision a browser and Postgres, then type-check, lint, unit tests, production
// build and e2e in Chromium. Ends with one line "N passed, N failed" (unit + e2e tests, plus any failed check).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { bin, ensureBuild, ensureDependencies, log, root, run, which } from "./lib/setup.mjs";

const reportDir = path.join(root, "test-results", "reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const results = []; // { step, ok }
let passed = 0;
let failed = 0;

/** `counted`: how many failed tests this step already added to `failed` (a failed step that added none counts once). */
function record(step, ok, note = "", counted = 0) {
  results.push({ step, ok, note, counted });
  log(`${step}: ${ok ? "ok" : "FAILED"}${note ? ` (${note})` : ""}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Finds a Chromium for Playwright: $CHROMIUM_PATH, Playwright's own, the system's, else installs one. */
async function provisionChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const bundled = () => {
    const r = spawnSync(process.execPath, ["-e", "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
      cwd: root,
      encoding: "utf8",
    });
    return r.status === 0 && r.stdout && existsSync(r.stdout) ? r.stdout : null;
  };
  const system = () => which("chromium") ?? which("chromium-browser") ?? which("google-chrome");
  const found = bundled() ?? system();
  if (found) return found;

  log("No Chromium found: trying Playwright's download…");
  const dl = spawnSync(bin("playwright"), ["install", "chromium"], { cwd: root, stdio: "inherit", timeout: 180_000 });
  if (dl.status === 0 && bundled()) return bundled();

  if (process.getuid?.() === 0 && which("apt-get")) {
    log("Playwright's download is unreachable: installing Debian's chromium with apt-get…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (system()) return system();
  }
  return null;
}

function portOpen(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.on("connect", () => (socket.destroy(), resolve(true)));
    socket.on("timeout", () => (socket.destroy(), resolve(false)));
    socket.on("error", () => resolve(false));
  });
}

/** The first port from `start` on 127.0.0.1 that nothing listens on. */
async function freePort(start) {
  for (let port = start; port < start + 100; port++) if (!(await portOpen(port))) return port;
  return start;
}

/** The DB tests need Postgres on 127.0.0.1:5432; start the local cluster if it is installed but down. */
async function ensurePostgres() {
  if (process.env.SKIP_POSTGRES === "1" || (await portOpen(5432))) return;
  const etc = "/etc/postgresql";
  if (process.getuid?.() === 0 && which("pg_ctlcluster") && existsSync(etc)) {
    for (const version of spawnSync("ls", [etc], { encoding: "utf8" }).stdout.split(/\s+/).filter(Boolean)) {
      log(`Starting PostgreSQL ${version}…`);
      spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
    }
  }
  if (!(await portOpen(5432))) {
    log("PostgreSQL is not reachable on 127.0.0.1:5432 — the Postgres tests will fail (set SKIP_POSTGRES=1 to skip them knowingly).");
  }
}

const started = Date.now();
try {
  await ensureDependencies();
} catch (error) {
  console.error(`✗ ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
await ensurePostgres();

const env = { NEXT_TELEMETRY_DISABLED: "1", CI: process.env.CI ?? "" };

const typechecked = (await run(bin("tsc"), ["--noEmit"], { env })) === 0;
record("type-check", typechecked);
record("lint", (await run(bin("eslint"), ["--max-warnings=0", "."], { env })) === 0);

const unitReport = path.join(reportDir, "vitest.json");
await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`], { env });
const unit = readJson(unitReport);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  // A test file that fails to load has no failed tests but a failed suite: count it once.
  const brokenFiles = (unit.numFailedTests ?? 0) === 0 ? (unit.numFailedTestSuites ?? 0) : 0;
  failed += (unit.numFailedTests ?? 0) + brokenFiles;
  record("unit", unit.success === true, `${unit.numPassedTests} passed, ${unit.numFailedTests} failed${brokenFiles ? `, ${brokenFiles} files failed to run` : ""}`, (unit.numFailedTests ?? 0) + brokenFiles);
} else {
  record("unit", false, "no report: Vitest did not finish");
}

// The build skips its own type-check only when the step above passed (see next.config.js).
const buildCode = await ensureBuild({ force: true, env: typechecked ? { TYPECHECKED: "1" } : {} });
record("build", buildCode === 0);

if (buildCode === 0) {
  const chromium = await provisionChromium();
  if (!chromium) {
    console.error("✗ No Chromium: install one (Debian: `apt-get install chromium`) or set CHROMIUM_PATH.");
    record("e2e", false, "no browser");
  } else {
    const e2eReport = path.join(reportDir, "playwright.json");
    // Another server (a second checkout's test run, a forgotten `next start`) may hold the default port;
    // the e2e server then takes the next free one rather than failing or testing someone else's site.
    const port = process.env.E2E_PORT ?? String(await freePort(3100));
    const code = await run(bin("playwright"), ["test"], {
      env: { ...env, CHROMIUM_PATH: chromium, PW_JSON_REPORT: e2eReport, E2E_PORT: port },
    });
    const report = readJson(e2eReport);
    const stats = report?.stats;
    const errors = report?.errors?.length ?? 0;
    if (stats) {
      const ran = (stats.expected ?? 0) + (stats.unexpected ?? 0) + (stats.flaky ?? 0);
      passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
      failed += stats.unexpected ?? 0;
      // A run that exits non-zero, reports global errors or runs no test at all is a failure, whatever it counted.
      const ok = code === 0 && (stats.unexpected ?? 0) === 0 && errors === 0 && ran > 0;
      record("e2e", ok, `${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky${ran === 0 ? "; no test ran" : ""}${errors ? `; ${errors} errors` : ""}`, stats.unexpected ?? 0);
    } else {
      record("e2e", false, "no report: Playwright did not finish");
    }
  }
} else {
  record("e2e", false, "skipped: the build failed");
}

// A failed step whose failure no test count shows (type-check, lint, build, a suite that could not run or
// ran nothing) counts as one failure, so the closing line never says "0 failed" over a broken tree.
failed += results.filter((r) => !r.ok && r.counted === 0).length;

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\n${results.map((r) => `${r.ok ? "✓" : "✗"} ${r.step}${r.note ? ` — ${r.note}` : ""}`).join("\n")}`);
console.log(`(${minutes} min)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
