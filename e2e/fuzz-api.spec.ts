// Fuzz: fast-check throws ≥ 10,000 generated hostile requests (methods, path parameters, query strings,
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
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const BATCH = 4; // requests in flight at once
const PORT = Number(process.env.FUZZ_PORT ?? 3309);
const QUIZ_IDS = [GRADED_QUIZ, ...CHECK_QUIZZES];

type Ctx = { validCookies: string[]; variantIds: string[]; questionIds: string[]; base: string };
type RouteSpec = {
  /** Concrete paths for the route pattern (valid and hostile parameters). */
  path: (ctx: Ctx) => fc.Arbitrary<string>;
  /** Bodies close to what the route expects, with hostile fields; mixed with anyBody. */
  body?: (ctx: Ctx) => fc.Arbitrary<unknown>;
  /** Whether our code (not a library) writes this route's 4xx bodies in the house JSON shape. */
  jsonErrors: boolean;
};

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

const AUTH_PATHS = ["sign-up/email", "sign-in/email", "sign-out", "get-session", "update-user", "change-password", "change-email", "list-sessions", "revoke-session", "revoke-sessions", "forget-password", "request-password-reset", "reset-password", "verify-email", "send-verification-email", "delete-user", "list-accounts", "ok", "error"];

/** One entry per app/api route pattern; the first test fails if a route file is missing here. */
const ROUTES: Record<string, RouteSpec> = {
  "/api/health": { path: () => fc.constant("/api/health"), jsonErrors: true },
  "/api/me": { path: () => fc.constant("/api/me"), jsonErrors: true },
  "/api/quizzes/[id]": {
    path: () => fc.oneof(fc.constantFrom(...QUIZ_IDS), segment).map((id) => `/api/quizzes/${id}`),
    jsonErrors: true,
  },
  "/api/quizzes/[id]/attempts": {
    path: () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUIZ_IDS) }, { weight: 1, arbitrary: segment }).map((id) => `/api/quizzes/${id}/attempts`),
    body: submission,
    jsonErrors: true,
  },
  "/api/auth/[...all]": {
    path: () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...AUTH_PATHS) }, { weight: 1, arbitrary: fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join("/")) }).map((p) => `/api/auth/${p}`),
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
      path: spec.path(ctx),
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
  const stale = Object.keys(ROUTES).filter((p) => !routes.some((r) => r.pattern === p));
  expect(stale, "fuzz specs for routes that no longer exist").toEqual([]);
  // Server actions are fuzzed generically from the build's manifest; a source file declaring actions
  // that the build does not list would escape the fuzzer.
  const files = discoverActionFiles(process.cwd());
  if (files.length > 0) expect(discoverBuiltActions(process.cwd()).length, `server actions in ${files.join(", ")} not found in the build`).toBeGreaterThan(0);
});

test(`${REQUESTS} generated requests: no 5xx, no hang, 4xx errors are JSON, the server stays up`, async () => {
  test.setTimeout(240_000);
  const root = process.cwd();
  const base = server.url;
  // Real identities and variants so that generated requests also reach the deep paths (grading, storage).
  const ctx: Ctx = { validCookies: [], variantIds: [], questionIds: [], base };
  for (const id of QUIZ_IDS) {
    const res = await fetch(`${base}/api/quizzes/${id}`);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("learner="))?.split(";")[0];
    if (cookie) ctx.validCookies.push(cookie);
    const state = (await res.json()) as { variant: { variantId: string; questions: { id: string }[] } | null };
    if (state.variant) {
      ctx.variantIds.push(state.variant.variantId);
      ctx.questionIds.push(...state.variant.questions.map((q) => q.id));
    }
  }
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
  console.log(`fuzz seed ${SEED}: ${sent} requests, slowest ${Math.round(slowest)} ms\n  ${summary.join("\n  ")}`);
  expect(sent).toBeGreaterThanOrEqual(REQUESTS);
  // Every route and (if any) every action was actually exercised.
  for (const r of routes) expect(perTarget.get(r.pattern)?.sent ?? 0, `requests sent to ${r.pattern}`).toBeGreaterThan(50);
  expect(failures, "unacceptable answers").toEqual([]);
  // Still up, same process, and nothing logged an internal error.
  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(200);
  expect(server.starts()).toBe(1);
  expect(server.errorLines(), "server-side errors logged during the fuzz run").toEqual([]);
});
