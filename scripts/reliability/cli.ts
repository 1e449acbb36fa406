// Shared command line for `npm run load` and `npm run crash-test`: flags, building when needed, running
// the scenario on SQLite and/or Postgres, printing the figures and a JSON copy for docs/reliability.md.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DbKind } from "./database";
import { formatReport, runScenario, type RunReport } from "./run";
import { hasBuild } from "./server";

export type CliDefaults = { name: string; title: string; learners: number; seconds: number; port: number; kills: number };

/** Parses flags, runs the scenario once per database and exits 1 unless every run passed. */
export async function main(defaults: CliDefaults): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      learners: { type: "string" },
      seconds: { type: "string" },
      port: { type: "string" },
      kills: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(
      `npm run ${defaults.name} -- [--db sqlite|postgres|both] [--learners ${defaults.learners}] [--seconds ${defaults.seconds}] [--port ${defaults.port}]${defaults.kills ? ` [--kills ${defaults.kills}]` : ""}\n` +
        "Default database: Postgres when DATABASE_URL is set (a scratch database is created on that server and dropped), else SQLite.",
    );
    return;
  }
  const root = process.cwd();
  if (!hasBuild(root)) {
    // Same rule as `npm start`: build when the sources changed since the last build.
    const { ensureBuild } = (await import(path.join(root, "scripts", "lib", "setup.mjs"))) as { ensureBuild: () => Promise<number> };
    if ((await ensureBuild()) !== 0) throw new Error("next build failed");
  }
  const choice = values.db ?? (process.env.DATABASE_URL ? "postgres" : "sqlite");
  const kinds: DbKind[] = choice === "both" ? ["sqlite", "postgres"] : choice === "postgres" ? ["postgres"] : choice === "sqlite" ? ["sqlite"] : [];
  if (kinds.length === 0) throw new Error(`--db must be sqlite, postgres or both (got ${choice})`);

  const reports: RunReport[] = [];
  for (const db of kinds) {
    const started = new Date().toISOString();
    console.log(`› ${defaults.title} on ${db} — started ${started}`);
    const report = await runScenario({
      root,
      db,
      port: Number(values.port ?? defaults.port),
      learners: Number(values.learners ?? defaults.learners),
      seconds: Number(values.seconds ?? defaults.seconds),
      kills: Number(values.kills ?? defaults.kills),
      log: (line) => console.log(`  ${line}`),
    });
    reports.push(report);
    console.log(`\n${formatReport(defaults.title, report)}\n`);
  }
  // Not test-results/: Playwright empties that directory at the start of every run.
  const out = path.join(root, "data", "reliability-runs");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${defaults.name}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(reports.map(({ verification: _v, ...r }) => r), null, 2));
  console.log(`figures saved to ${path.relative(root, file)}`);
  process.exitCode = reports.every((r) => r.ok) ? 0 : 1;
}
