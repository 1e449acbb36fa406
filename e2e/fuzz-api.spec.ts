// Fuzz: fast-check throws generated hostile requests (≥ 10,000 in `npm run fuzz`) (methods, path parameters, query strings,
// headers, cookies, bodies) at every API route and server action of a production server of our own.
// Every answer must be a valid result or a 4xx JSON error — never a 5xx, never a hang — and the server
// must still be up at the end. A route file without an entry in ROUTES fails the suite, so new routes
// are covered the day they land. FUZZ_SEED / FUZZ_REQUESTS override the fixed seed and count.
import fc from "fast-check";
import { test, expect } from "@playwright/test";
import { createScratchDatabase, type ScratchDatabase } from "../scripts/reliability/database";
import { anyBody, anyValue, cookieHeader, discoverActionFiles, discoverBuiltActions, discoverRoutes, extraHeaders, judge, nasty, query, segment, send, type FuzzRequest } from "../scripts/reliability/fuzz";
import { CHECK_QUIZZES, GRADED_QUIZ } from "../scripts/reliability/learners";
import { startProductionServer, type ProductionServer } from "../scripts/reliability/server";

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
// npm test runs a short, fixed-seed pass; `npm run fuzz` runs the long one (≥ 10,000 requests).
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2_000);
const BATCH = 8; // requests in flight at once
const PORT = Number(process.env.FUZZ_PORT ?? 3309);
const QUIZ_IDS = [GRADED_QUIZ, ...CHECK_QUIZZES];

/** Real identities and ids created before the run, so generated requests also reach the deep paths. */
type Ctx = {
  base: string;
  validCookies: string[];
  variantIds: string[];
  questionIds: string[];
  classId: string;
  joinCode: string;
  assignmentId: string;
  userIds: string[];
};
type RouteSpec = {
  /** Bodies close to what the route expects, with hostile fields; mixed with anyBody. */
  body?: (ctx: Ctx) => fc.Arbitrary<unknown>;
  /** Whether our code (not a library) writes this route's 4xx bodies in the house JSON shape. */
  jsonErrors: boolean;
};

/** Values for each dynamic path segment name: mostly real ids, sometimes hostile ones. */
const PARAMS: Record<string, (ctx: Ctx) => fc.Arbitrary<string>> = {
  id: () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUIZ_IDS) }, { weight: 1, arbitrary: segment }),
  classId: (ctx) => fc.oneof({ weight: 3, arbitrary: fc.constant(ctx.classId) }, { weight: 1, arbitrary: segment }),
  assignmentId: (ctx) => fc.oneof(fc.constant(ctx.assignmentId), segment),
  userId: (ctx) => fc.oneof(fc.constantFrom(...ctx.userIds), segment),
  path: () => fc.array(fc.oneof(fc.constantFrom("quizzes", "classes", "v1", "admin", "..", "health"), segment), { minLength: 1, maxLength: 4 }).map((s) => s.join("/")),
  all: () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...AUTH_PATHS) }, { weight: 1, arbitrary: fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join("/")) }),
};

/** Names of the dynamic segments in a route pattern (`[classId]`, `[...all]`). */
const paramNames = (pattern: string) => [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]);

function pathFor(pattern: string, ctx: Ctx): fc.Arbitrary<string> {
  const names = paramNames(pattern);
  return fc.tuple(...names.map((n) => PARAMS[n](ctx))).map((values) => {
    let p = pattern;
    names.forEach((n, i) => (p = p.replace(/\[(?:\.\.\.)?[^\]]+\]/, values[i] as string)));
    return p;
  });
}

const answer = () =>
  fc.oneof(
    fc.record({ choice: fc.oneof(fc.constantFrom("A", "B", "C", "D", "E"), anyValue) }),
    fc.record({ choices: fc.oneof(fc.array(fc.oneof(fc.constantFrom("A", "B", "C"), anyValue), { maxLength: 6 }), anyValue) }),
    fc.record({ value: anyValue, because: fc.oneof(fc.constantFrom("A", "B"), anyValue) }, { requiredKeys: [] }),
    fc.record({ value: fc.oneof(fc.double().map(String), fc.constantFrom("1/0", "0/0", "1e999", "-0", "3/100", "1e-400", "½", "1,5"), anyValue) }),
    fc.record({ values: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom("a", "b", "x", "y", "c"), nasty), anyValue, { maxKeys: 4 }), anyValue) }),
    anyValue,
  );

const submission = (ctx: Ctx) =>
  fc.record(
    {
      variantId: fc.oneof(fc.constantFrom(...ctx.variantIds), nasty, anyValue),
      answers: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...ctx.questionIds), nasty), answer(), { maxKeys: 8 }), anyValue),
      extra: anyValue,
    },
    { requiredKeys: [] },
  );

const date = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom("2026-02-30T00:00:00Z", "2026-12-01T17:00:00+14:00", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2026-12-01", "yesterday"),
  anyValue,
);

const classBody = () => fc.record({ name: fc.oneof(fc.string({ maxLength: 120 }), anyValue), term: fc.oneof(fc.string({ maxLength: 70 }), anyValue), extra: anyValue }, { requiredKeys: [] });
const joinBody = (ctx: Ctx) => fc.record({ code: fc.oneof(fc.constant(ctx.joinCode), fc.string({ maxLength: 50 }), anyValue), extra: anyValue }, { requiredKeys: [] });
const assignmentBody = () =>
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom("quiz", "lesson"), anyValue),
      targetId: fc.oneof(fc.constantFrom(...QUIZ_IDS, "relu", "no-such"), nasty, anyValue),
      openAt: date,
      dueAt: date,
      maxAttempts: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constant(null), anyValue),
      grading: fc.oneof(fc.constantFrom("highest", "latest"), anyValue),
      latePolicy: fc.oneof(fc.constantFrom("closed", "penalty"), anyValue),
      latePenaltyPct: fc.oneof(fc.integer({ min: -10, max: 110 }), anyValue),
      answersRelease: fc.oneof(fc.constantFrom("immediately", "after_due", "never"), anyValue),
      extra: anyValue,
    },
    { requiredKeys: [] },
  );
const progressBody = () =>
  fc.record(
    {
      lessons: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom("relu", "is-relu-linear", "x".repeat(90)), nasty), fc.oneof(fc.record({ completedAt: fc.oneof(date, fc.constant(null)) }), anyValue), { maxKeys: 5 }), anyValue),
      extra: anyValue,
    },
    { requiredKeys: [] },
  );

const AUTH_PATHS = ["sign-up/email", "sign-in/email", "sign-out", "get-session", "update-user", "change-password", "change-email", "list-sessions", "revoke-session", "revoke-sessions", "forget-password", "request-password-reset", "reset-password", "verify-email", "send-verification-email", "delete-user", "list-accounts", "ok", "error"];

/** One entry per app/api route pattern; the first test fails if a route file is missing here. */
const ROUTES: Record<string, RouteSpec> = {
  "/api/[...path]": { jsonErrors: true },
  "/api/health": { jsonErrors: true },
  "/api/me": { jsonErrors: true },
  "/api/me/assignments": { jsonErrors: true },
  "/api/progress": { body: progressBody, jsonErrors: true },
  "/api/quizzes/[id]": { jsonErrors: true },
  "/api/quizzes/[id]/attempts": { body: submission, jsonErrors: true },
  "/api/classes": { body: classBody, jsonErrors: true },
  "/api/classes/join": { body: joinBody, jsonErrors: true },
  "/api/classes/[classId]": { jsonErrors: true },
  "/api/classes/[classId]/code": { jsonErrors: true },
  "/api/classes/[classId]/assignments": { body: assignmentBody, jsonErrors: true },
  "/api/classes/[classId]/assignments/[assignmentId]": { jsonErrors: true },
  "/api/classes/[classId]/gradebook": { jsonErrors: true },
  "/api/classes/[classId]/gradebook/csv": { jsonErrors: true },
  "/api/classes/[classId]/members/[userId]": { jsonErrors: true },
  "/api/auth/[...all]": {
    body: () =>
      fc.record(
        {
          email: fc.oneof(fc.emailAddress(), nasty, anyValue),
          password: fc.oneof(fc.string({ minLength: 8, maxLength: 20 }), nasty, anyValue),
          name: fc.oneof(fc.string({ maxLength: 30 }), anyValue),
          role: fc.oneof(fc.constantFrom("learner", "instructor", "admin"), anyValue),
          newPassword: anyValue,
          currentPassword: anyValue,
          token: anyValue,
          callbackURL: fc.oneof(fc.constantFrom("/", "https://evil.example", "javascript:alert(1)", "//evil.example"), anyValue),
          rememberMe: anyValue,
        },
        { requiredKeys: [] },
      ),
    // better-auth writes its own error bodies ({ code, message } JSON, or an empty 404 for unknown paths).
    jsonErrors: false,
  },
};

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function requestFor(pattern: string, methods: string[], spec: RouteSpec, ctx: Ctx): fc.Arbitrary<FuzzRequest> {
  const bodies = spec.body ? fc.oneof({ weight: 3, arbitrary: spec.body(ctx).map((b) => JSON.stringify(b)) }, { weight: 2, arbitrary: anyBody }) : anyBody;
  return fc
    .record({
      method: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...methods) }, { weight: 1, arbitrary: fc.constantFrom(...ALL_METHODS) }),
      path: pathFor(pattern, ctx),
      query,
      headers: extraHeaders,
      cookie: cookieHeader(ctx.validCookies),
      sameOrigin: fc.boolean(),
      json: fc.boolean(),
      body: fc.option(bodies, { freq: 4 }),
    })
    .map((r) => {
      const headers: Record<string, string> = { ...r.headers };
      if (r.cookie !== undefined) headers.cookie = r.cookie;
      if (r.sameOrigin) headers.origin = ctx.base;
      if (r.json && headers["content-type"] === undefined) headers["content-type"] = "application/json";
      if (r.json && headers["idempotency-key"] === undefined) headers["idempotency-key"] = `fuzz-${Math.abs(r.path.length * 7919 + r.query.length)}`;
      const hasBody = r.body !== null && !["GET", "HEAD"].includes(r.method);
      return { method: r.method, path: `${r.path}${r.query}`, headers, body: hasBody ? (r.body as string | Buffer) : undefined, label: pattern };
    });
}

function actionRequest(actions: { id: string; pages: string[] }[], ctx: Ctx): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      action: fc.constantFrom(...actions),
      page: fc.nat(),
      args: fc.oneof(fc.array(anyValue, { maxLength: 3 }).map((a) => JSON.stringify(a)), anyBody),
      headers: extraHeaders,
      cookie: cookieHeader(ctx.validCookies),
    })
    .map((r) => {
      const page = (r.action.pages[r.page % Math.max(1, r.action.pages.length)] ?? "/").replace(/\[\.{0,3}[^\]]+\]/g, "fuzz");
      const headers: Record<string, string> = { ...r.headers, "next-action": r.action.id, "content-type": "text/plain;charset=UTF-8", origin: ctx.base, accept: "text/x-component" };
      if (r.cookie !== undefined) headers.cookie = r.cookie;
      return { method: "POST", path: page || "/", headers, body: typeof r.args === "string" || Buffer.isBuffer(r.args) ? r.args : JSON.stringify(r.args), label: `action ${r.action.id.slice(0, 8)}` };
    });
}

/** Signs up an instructor and a learner, creates a class with an assignment, joins it, loads every quiz. */
async function createIdentities(base: string): Promise<Ctx> {
  const ctx: Ctx = { base, validCookies: [], variantIds: [], questionIds: [], classId: "", joinCode: "", assignmentId: "", userIds: [] };
  const call = async (path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { origin: base, "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(300);
    return { res, body };
  };
  const session = async (role: "instructor" | "learner") => {
    const { res, body } = await call("/api/auth/sign-up/email", { method: "POST", body: { name: `Fuzz ${role}`, email: `fuzz-${role}-${Date.now()}@example.com`, password: "correct horse battery", role } });
    const cookie = res.headers.getSetCookie().find((c) => /^(__Secure-)?better-auth\.session_token=/.test(c))?.split(";")[0];
    expect(cookie, "session cookie").toBeTruthy();
    ctx.validCookies.push(cookie!);
    ctx.userIds.push((body.user as { id: string }).id);
    return cookie!;
  };
  const instructor = await session("instructor");
  const learner = await session("learner");
  const created = await call("/api/classes", { method: "POST", cookie: instructor, body: { name: "Fuzz class", term: "Winter" } });
  const klass = created.body.class as { id: string; joinCode: string };
  ctx.classId = klass.id;
  ctx.joinCode = klass.joinCode;
  await call("/api/classes/join", { method: "POST", cookie: learner, body: { code: klass.joinCode } });
  const assigned = await call(`/api/classes/${klass.id}/assignments`, { method: "POST", cookie: instructor, body: { kind: "quiz", targetId: GRADED_QUIZ, dueAt: new Date(Date.now() + 864e5).toISOString() } });
  ctx.assignmentId = (assigned.body.assignment as { id: string }).id;
  for (const id of QUIZ_IDS) {
    const { res, body } = await call(`/api/quizzes/${id}`, { cookie: learner });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("learner="))?.split(";")[0];
    if (cookie) ctx.validCookies.push(cookie);
    const variant = (body as { variant: { variantId: string; questions: { id: string }[] } | null }).variant;
    if (variant) {
      ctx.variantIds.push(variant.variantId);
      ctx.questionIds.push(...variant.questions.map((q) => q.id));
    }
  }
  return ctx;
}

test.describe.configure({ mode: "serial" });

let database: ScratchDatabase;
let server: ProductionServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await createScratchDatabase("sqlite");
  server = await startProductionServer({ root: process.cwd(), port: PORT, env: database.env });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test("every API route file and server action has a fuzz spec", () => {
  const routes = discoverRoutes(process.cwd());
  expect(routes.length).toBeGreaterThan(0);
  const missing = routes.filter((r) => !ROUTES[r.pattern]).map((r) => `${r.file} (${r.pattern}): add an entry to ROUTES in e2e/fuzz-api.spec.ts`);
  expect(missing, "route files without a fuzz spec").toEqual([]);
  const unknownParams = routes.flatMap((r) => paramNames(r.pattern).filter((n) => !PARAMS[n]).map((n) => `${r.pattern}: add a generator for [${n}] to PARAMS`));
  expect(unknownParams, "path parameters without a generator").toEqual([]);
  const stale = Object.keys(ROUTES).filter((p) => !routes.some((r) => r.pattern === p));
  expect(stale, "fuzz specs for routes that no longer exist").toEqual([]);
  // Server actions are fuzzed generically from the build's manifest; a source file declaring actions
  // that the build does not list would escape the fuzzer.
  const files = discoverActionFiles(process.cwd());
  if (files.length > 0) expect(discoverBuiltActions(process.cwd()).length, `server actions in ${files.join(", ")} not found in the build`).toBeGreaterThan(0);
});

test(`${REQUESTS} generated requests: no 5xx, no hang, 4xx errors are JSON, the server stays up`, async () => {
  // Generous on a shared 2-core machine: 2 000 requests take ~1 min there, 12 000 several.
  test.setTimeout(120_000 + REQUESTS * 60);
  const root = process.cwd();
  const base = server.url;
  // Real identities and variants so that generated requests also reach the deep paths (grading, storage).
  const ctx = await createIdentities(base);
  const routes = discoverRoutes(root).filter((r) => ROUTES[r.pattern]);
  const actions = discoverBuiltActions(root).filter((a) => a.pages.length > 0);
  const generators = [
    ...routes.map((r) => requestFor(r.pattern, r.methods.length ? r.methods : ["GET"], ROUTES[r.pattern], ctx)),
    ...(actions.length ? [actionRequest(actions, ctx)] : []),
  ];
  const perTarget = new Map<string, { sent: number; statuses: Map<number | string, number> }>();
  const failures: string[] = [];
  let sent = 0;
  let slowest = 0;
  const started = Date.now();

  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(...generators), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      const answers = await Promise.all(batch.map((r) => send(base, r)));
      answers.forEach((a, i) => {
        const req = batch[i];
        sent += 1;
        slowest = Math.max(slowest, a.ms);
        const t = perTarget.get(req.label) ?? { sent: 0, statuses: new Map() };
        t.sent += 1;
        t.statuses.set(a.status, (t.statuses.get(a.status) ?? 0) + 1);
        perTarget.set(req.label, t);
        const jsonErrors = ROUTES[req.label]?.jsonErrors ?? false;
        const why = judge(req, a, { jsonErrors });
        if (why && failures.length < 40) {
          const body = req.body === undefined ? "" : ` body=${JSON.stringify(String(req.body).slice(0, 200))}`;
          failures.push(`${req.method} ${req.path.slice(0, 200)} headers=${JSON.stringify(req.headers).slice(0, 300)}${body} → ${why}`);
        }
      });
      return true;
    }),
    { seed: SEED, numRuns: Math.ceil(REQUESTS / BATCH), endOnFailure: true },
  );

  const summary = [...perTarget].map(([label, t]) => `${label}: ${t.sent} sent, ${[...t.statuses].sort().map(([s, n]) => `${s}×${n}`).join(" ")}`);
  console.log(`fuzz seed ${SEED}: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, slowest ${Math.round(slowest)} ms\n  ${summary.join("\n  ")}`);
  expect(sent).toBeGreaterThanOrEqual(REQUESTS);
  // Every route and (if any) every action was actually exercised.
  for (const r of routes) expect(perTarget.get(r.pattern)?.sent ?? 0, `requests sent to ${r.pattern}`).toBeGreaterThan(REQUESTS / routes.length / 4);
  expect(failures, "unacceptable answers").toEqual([]);
  // Still up, same process, and nothing logged an internal error.
  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(200);
  expect(server.starts()).toBe(1);
  // Our handlers log a 500 as "… API error"; Next marks unhandled errors with ⨯. Libraries also log refused
  // client input at ERROR level (better-auth's "Invalid origin"); those were answered 4xx above.
  const internal = server.errorLines().filter((l) => /API error|⨯|uncaught|unhandled/i.test(l));
  console.log(`server log lines mentioning errors: ${server.errorLines().length}, of which internal: ${internal.length}`);
  expect(internal, "internal errors logged during the fuzz run").toEqual([]);
});
