// Lighthouse (mobile, the default form factor) on every lesson: prints performance and accessibility scores and
// the metrics behind them, and exits non-zero when a lesson scores below performance 95 or accessibility 100.
// A script, not a test: scores depend on the machine. Needs a production build (`npm run build`) unless --url
// points at a running server.
//   npm run lighthouse -- [--url http://127.0.0.1:3201] [--port 3201] [--runs 5] [--only <slug>[,<slug>…]] [--save <dir>]
// --only measures just the named lessons (a quick check of one lesson on a shared machine); --save writes every
// run's full report to <dir>/<slug>-<run>.json, for reading the audits behind a score (bootup-time, long-tasks…).
// Each lesson is measured --runs times (default 5) and the median performance run is reported: one run's score
// moves by a few points from run to run, and Lighthouse's own guidance is the median of five.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Math.max(1, Number(opt("runs", "5")) || 1);
const port = opt("port", process.env.LIGHTHOUSE_PORT ?? "3199");
let baseUrl = opt("url", "");
const only = opt("only", "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const saveDir = opt("save", "");
const THRESHOLDS = { performance: 95, accessibility: 100 };
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
].join(" ");

/** Lesson slugs in course order, from each index.mdx's `order:` field. */
function lessonSlugs() {
  const dir = path.join(root, "content", "lessons");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "index.mdx")))
    .map((e) => {
      const m = /^order:\s*(\d+)/m.exec(readFileSync(path.join(dir, e.name, "index.mdx"), "utf8"));
      return { slug: e.name, order: m ? Number(m[1]) : Infinity };
    })
    .sort((a, b) => a.order - b.order)
    .map((l) => l.slug);
}

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) if (existsSync(p)) return p;
  return undefined;
}

async function waitForServer(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${url}/api/health within 60 s`);
}

/** Runs the Lighthouse CLI once on url; resolves with the parsed report (lhr). */
function lighthouse(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "lighthouse"),
      [url, "--only-categories=performance,accessibility", "--output=json", "--output-path=stdout", "--quiet", `--chrome-flags=${CHROME_FLAGS}`],
      { cwd: root, env: { ...process.env, CHROME_PATH: chromePath() }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(new Error(`could not parse Lighthouse's report: ${e.message}`));
      }
    });
  });
}

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const metric = (lhr, id) => lhr.audits[id]?.displayValue ?? "—";

let server;
if (!baseUrl) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first, or pass --url of a running server.");
    process.exit(1);
  }
  baseUrl = `http://127.0.0.1:${port}`;
  // The production server `npm start` runs (Next plus the attempts fast path, decision 063).
  server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", port, "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
}

let failed = false;
try {
  if (server) await waitForServer(baseUrl, server);
  const rows = [];
  const slugs = lessonSlugs();
  const unknown = only.filter((s) => !slugs.includes(s));
  if (unknown.length) throw new Error(`--only: no lesson named ${unknown.join(", ")} (lessons: ${slugs.join(", ")})`);
  if (saveDir) mkdirSync(saveDir, { recursive: true });
  for (const slug of only.length ? slugs.filter((s) => only.includes(s)) : slugs) {
    const url = `${baseUrl}/lessons/${slug}`;
    const reports = [];
    for (let i = 0; i < runs; i++) {
      // Lighthouse occasionally fails to record a trace on a busy machine (NO_NAVSTART): retry that run once.
      const lhr = await lighthouse(url).catch((e) => (console.warn(`retrying ${slug}: ${e.message.split("\n")[0]}`), lighthouse(url)));
      if (saveDir) writeFileSync(path.join(saveDir, `${slug}-${i + 1}.json`), JSON.stringify(lhr));
      reports.push(lhr);
    }
    reports.sort((a, b) => score(a, "performance") - score(b, "performance"));
    const lhr = reports[Math.floor(reports.length / 2)];
    const row = {
      lesson: slug,
      performance: score(lhr, "performance"),
      accessibility: score(lhr, "accessibility"),
      FCP: metric(lhr, "first-contentful-paint"),
      LCP: metric(lhr, "largest-contentful-paint"),
      TBT: metric(lhr, "total-blocking-time"),
      CLS: metric(lhr, "cumulative-layout-shift"),
      ...(runs > 1 ? { "perf runs": reports.map((r) => score(r, "performance")).join("/") } : {}),
    };
    const ok = row.performance >= THRESHOLDS.performance && row.accessibility >= THRESHOLDS.accessibility;
    if (!ok) failed = true;
    const a11yFails = Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id));
    rows.push(row);
    console.log(
      `${ok ? "ok  " : "FAIL"} ${slug}: performance ${row.performance}, accessibility ${row.accessibility} ` +
        `(FCP ${row.FCP}, LCP ${row.LCP}, TBT ${row.TBT}, CLS ${row.CLS}; CPU benchmark index ${Math.round(lhr.environment.benchmarkIndex)})` +
        (a11yFails.length ? ` failing: ${a11yFails.map((a) => a.id).join(", ")}` : ""),
    );
  }
  console.table(rows);
  console.log(`Thresholds: performance ≥ ${THRESHOLDS.performance}, accessibility ${THRESHOLDS.accessibility} (Lighthouse ${"12.2.3"}, mobile, simulated throttling).`);
} catch (e) {
  console.error(e.message);
  failed = true;
} finally {
  server?.kill();
}
process.exit(failed ? 1 : 0);
