// Short versions of `npm run load` and `npm run crash-test`, run by `npm test`: a 10 s load on SQLite and
// small SIGKILL-and-restart runs on SQLite and Postgres, each on a production server and scratch database
// of its own. Every acknowledged attempt must be stored exactly once; the long figures are in
// docs/reliability.md. SKIP_POSTGRES=1 leaves Postgres out on purpose (as the unit tests do).
import { test, expect } from "@playwright/test";
import { formatReport, runScenario, type RunReport } from "../scripts/reliability/run";

test.describe.configure({ mode: "serial" });

function expectClean(r: RunReport) {
  console.log(formatReport(`short ${r.kills ? "crash" : "load"} test`, r));
  expect(r.acknowledged, "attempts acknowledged").toBeGreaterThan(0);
  expect(r.lost, "acknowledged attempts missing from the database").toBe(0);
  expect(r.duplicated, "attempts stored or acknowledged twice").toBe(0);
  expect(r.unacknowledged, "attempts stored that no client was told about").toBe(0);
  expect(r.incomplete, "attempts stored without all their answers").toBe(0);
  expect(r.abandoned, "submissions the client had to give up on").toBe(0);
  expect(r.stored).toBe(r.acknowledged);
  expect(r.problems, "unexpected answers to valid requests").toEqual([]);
  expect(r.ok).toBe(true);
}

test("10 s load on SQLite: 40 learners, acknowledged = stored, no duplicates", async () => {
  test.setTimeout(120_000);
  const r = await runScenario({ root: process.cwd(), port: 3307, db: "sqlite", learners: 40, seconds: 10 });
  expectClean(r);
  expect(r.counts.status5xx).toBe(0);
  expect(r.distinctLearners).toBe(40);
});

test("crash on SQLite: SIGKILL twice during load and once at the end, nothing lost or doubled", async () => {
  test.setTimeout(150_000);
  const r = await runScenario({ root: process.cwd(), port: 3308, db: "sqlite", learners: 30, seconds: 12, kills: 2 });
  expectClean(r);
  expect(r.kills).toBe(2);
});

test("crash on Postgres: SIGKILL during load and at the end, nothing lost or doubled", async () => {
  test.skip(process.env.SKIP_POSTGRES === "1", "SKIP_POSTGRES=1: Postgres left out on purpose");
  test.setTimeout(150_000);
  const r = await runScenario({ root: process.cwd(), port: 3307, db: "postgres", learners: 30, seconds: 10, kills: 1 });
  expectClean(r);
  expect(r.kills).toBe(1);
});
