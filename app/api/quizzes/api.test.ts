// The quiz API in-process through its route handlers, on SQLite and on Postgres: the same script must
// give the same results on both.
import { afterAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useDatabaseForTests } from "@/lib/db";
import { TEST_DIALECTS } from "@/lib/db/test-databases";
import { setupTestDb } from "@/lib/db/setup-test-db";
import { releaseQuizContextForTests, resetQuizContextForTests } from "@/lib/quiz/context.server";
import { keyAnswers } from "@/lib/quiz/key-answers.server";
import { getQuiz } from "@/lib/quiz/registry.server";
import { instantiate } from "@/lib/quiz/variant.server";
import type { QuizState } from "@/lib/quiz/types";
import type { StoredAnswer } from "@/lib/db/schema";
import { GET as getQuizState } from "./[id]/route";
import { GET as listAttempts, POST as postAttempt } from "./[id]/attempts/route";

const QUIZ = "is-relu-linear";
const FIXED_SEED = 12345;
const base = "http://127.0.0.1/api/quizzes";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

function req(path: string, init: { method?: string; cookie?: string; headers?: Record<string, string>; body?: string } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.cookie) headers.cookie = `learner=${init.cookie}`;
  return new NextRequest(`${base}${path}`, { method: init.method ?? "GET", headers, body: init.body });
}

async function load(id: string, cookie?: string) {
  const res = await getQuizState(req(`/${id}`, { cookie }), ctx(id));
  return { res, body: (await res.json()) as QuizState, cookie: res.cookies.get("learner")?.value ?? cookie };
}

function post(cookie: string | undefined, body: unknown, key: string | null = crypto.randomUUID(), extra: Record<string, string> = {}, id = QUIZ) {
  const headers: Record<string, string> = { "content-type": "application/json", ...extra };
  if (key !== null) headers["idempotency-key"] = key;
  return postAttempt(req(`/${id}/attempts`, { method: "POST", cookie, headers, body: typeof body === "string" ? body : JSON.stringify(body) }), ctx(id));
}

const normalised: Record<string, unknown> = {};

describe.each(TEST_DIALECTS)("quiz API on %s", (dialect) => {
  const t = setupTestDb(dialect, (db) => {
    useDatabaseForTests(db);
    resetQuizContextForTests();
  });
  // Before the database is dropped: the quiz API's committer flushes and lets go of its WAL file handle.
  afterAll(releaseQuizContextForTests);
  let cookie: string;
  let state: QuizState;

  // Pins the open variant's seed so both dialects grade the same numbers.
  async function pinSeed(variantId: string) {
    await t.db.updateTable("quiz_variants").set({ seed: FIXED_SEED }).where("id", "=", variantId).execute();
  }
  const attemptsInDb = async () => Number((await t.db.selectFrom("quiz_attempts").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  it("404s an unknown quiz with a JSON error", async () => {
    const res = await getQuizState(req("/nope"), ctx("nope"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "quiz_not_found", message: expect.any(String), field: "id" } });
  });

  it("serves a variant without keys and sets a signed httpOnly cookie", async () => {
    const r = await load(QUIZ);
    expect(r.res.status).toBe(200);
    expect(r.res.headers.get("set-cookie")).toMatch(/learner=.+HttpOnly/i);
    expect(r.body).toMatchObject({ quizId: QUIZ, maxAttempts: 3, attemptsUsed: 0, attemptsRemaining: 3 });
    expect(r.body.variant!.questions.length).toBeGreaterThanOrEqual(12);
    expect(JSON.stringify(r.body)).not.toMatch(/explanation|tolerance|"correct|feedback/i);
    cookie = r.cookie!;
    state = r.body;
  });

  it("keeps the variant on reload; another learner gets different parameters", async () => {
    const again = await load(QUIZ, cookie);
    expect(again.body.variant).toEqual(state.variant);
    expect(again.res.headers.get("set-cookie")).toBeNull();
    const other = await load(QUIZ);
    expect(other.body.variant!.variantId).not.toBe(state.variant!.variantId);
    expect(other.body.variant!.questions.map((q) => q.prompt)).not.toEqual(state.variant!.questions.map((q) => q.prompt));
  });

  it("treats a forged cookie as no learner", async () => {
    const forged = `${cookie.split(".")[0]}.AAAA`;
    const res = await post(forged, { variantId: state.variant!.variantId, answers: {} });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("no_learner");
  });

  it.each([
    ["no Idempotency-Key", null, "{}", {}, 400, "Idempotency-Key"],
    ["not JSON", "k1", "{nope", {}, 400, "body"],
    ["an empty body", "k1", "", {}, 400, "body"],
    ["no variantId", "k1", JSON.stringify({ answers: {} }), {}, 400, "variantId"],
    ["answers as an array", "k1", JSON.stringify({ variantId: "x", answers: [] }), {}, 400, "answers"],
    ["an unknown top-level field", "k1", JSON.stringify({ variantId: "x", answers: {}, score: 100 }), {}, 400, "score"],
    ["an unknown question", "k1", JSON.stringify({ variantId: "x", answers: { "no-such-q": { choice: "A" } } }), {}, 400, "answers.no-such-q"],
    ["a body over 64 KB", "k1", JSON.stringify({ variantId: "x", answers: { pad: "x".repeat(70_000) } }), {}, 413, "body"],
    ["text/plain", "k1", "{}", { "content-type": "text/plain" }, 415, "Content-Type"],
  ] as const)("rejects %s with a JSON error naming the field", async (_name, key, body, headers, status, field) => {
    const res = await post(cookie, body, key, headers);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), field } });
    expect(await attemptsInDb()).toBe(0);
  });

  it("marks malformed answers invalid and uses no attempt", async () => {
    await pinSeed(state.variant!.variantId);
    const v = instantiate(getQuiz(QUIZ)!, FIXED_SEED);
    const answers = { ...keyAnswers(v), "irl-leaky-value": { value: "three" }, "irl-pieces": { choice: "" } };
    const res = await post(cookie, { variantId: state.variant!.variantId, answers });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "invalid_answers", field: "answers.irl-pieces" });
    expect(body.invalid.map((i: { questionId: string }) => i.questionId).sort()).toEqual(["irl-leaky-value", "irl-pieces"]);
    expect(JSON.stringify(body)).not.toMatch(/explanation/);
    expect(await attemptsInDb()).toBe(0);
    expect((await load(QUIZ, cookie)).body.attemptsUsed).toBe(0);
  });

  it("grades on the server with the exact score, and a retry with the same key stores nothing new", async () => {
    const v = instantiate(getQuiz(QUIZ)!, FIXED_SEED);
    const answers = keyAnswers(v);
    answers["irl-additivity-counterexample"] = { values: { a: "2", b: "3" } }; // wrong: identity holds
    answers["irl-leaky-value"] = { value: "12345" }; // wrong
    const body = { variantId: state.variant!.variantId, answers };
    const key = "same-key-1";
    const [first, ...retries] = await Promise.all([post(cookie, body, key), post(cookie, body, key), post(cookie, body, key)]);
    const a = await first.json();
    expect([first.status, ...retries.map((r) => r.status)].sort()).toEqual([200, 200, 201]);
    for (const r of retries) expect((await r.json()).attemptId).toBe(a.attemptId);
    expect(a).toMatchObject({ score: 12, maxScore: 14, attemptNumber: 1, attemptsRemaining: 2, seed: FIXED_SEED });
    const cx = a.questions.find((q: { questionId: string }) => q.questionId === "irl-additivity-counterexample");
    expect(cx).toMatchObject({ status: "incorrect", sides: { lhs: "5", rhs: "5", holds: true } });
    expect(cx.explanation).toContain("ReLU(1) + ReLU(−1)");
    const again = await post(cookie, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await again.json()).attemptId).toBe(a.attemptId);
    expect(await attemptsInDb()).toBe(1);
    const stored = await t.db.selectFrom("quiz_attempts").select("answers_json").where("id", "=", a.attemptId).executeTakeFirstOrThrow();
    const rows = JSON.parse(stored.answers_json) as StoredAnswer[];
    expect(rows.map((r) => r.questionId)).toEqual(a.questions.map((q: { questionId: string }) => q.questionId));
    expect(rows.find((r) => r.questionId === "irl-additivity-counterexample")).toMatchObject({ status: "incorrect", points: 0, choiceIds: [], response: { values: { a: "2", b: "3" } } });
    expect(rows.find((r) => r.questionId === "irl-dead-relu-cause")).toMatchObject({ status: "correct", choiceIds: ["negative-preactivation"] });
    normalised[dialect] = { ...a, attemptId: "", submittedAt: "" };

    const reused = await post(cookie, { ...body, answers: keyAnswers(v) }, key);
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("idempotency_key_reused");
    const stale = await post(cookie, body, "another-key");
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "variant_already_submitted", field: "variantId" });
  });

  it("accepts the counterexample (1, −1) and enforces the attempt limit with fresh variants", async () => {
    for (const n of [2, 3]) {
      const s = (await load(QUIZ, cookie)).body;
      expect(s.variant!.attemptNumber).toBe(n);
      expect(s.variant!.variantId).not.toBe(state.variant!.variantId);
      const v = instantiate(getQuiz(QUIZ)!, (await t.db.selectFrom("quiz_variants").select("seed").where("id", "=", s.variant!.variantId).executeTakeFirstOrThrow()).seed);
      const answers = { ...keyAnswers(v), "irl-additivity-counterexample": { values: { a: "1", b: "−1" } } };
      const res = await post(cookie, { variantId: s.variant!.variantId, answers });
      expect(res.status).toBe(201);
      const a = await res.json();
      expect(a).toMatchObject({ score: 14, attemptNumber: n, attemptsRemaining: 3 - n });
      expect(a.questions[1]).toMatchObject({ status: "correct", sides: { lhs: "0", rhs: "1", holds: false } });
    }
    const done = (await load(QUIZ, cookie)).body;
    expect(done).toMatchObject({ variant: null, attemptsUsed: 3, attemptsRemaining: 0 });
    const list = await listAttempts(req(`/${QUIZ}/attempts`, { cookie }), ctx(QUIZ));
    const { attempts } = await list.json();
    expect(attempts.map((a: { attemptNumber: number; score: number }) => [a.attemptNumber, a.score])).toEqual([[1, 12], [2, 14], [3, 14]]);
    expect(await attemptsInDb()).toBe(3);
  });

  it("a retry of a submission stored before its assignment closed gets the stored result, not a refusal", async () => {
    const fresh = await load(QUIZ);
    const learnerCookie = fresh.cookie!;
    const variantId = fresh.body.variant!.variantId;
    const seed = (await t.db.selectFrom("quiz_variants").select("seed").where("id", "=", variantId).executeTakeFirstOrThrow()).seed;
    const body = { variantId, answers: keyAnswers(instantiate(getQuiz(QUIZ)!, seed)) };
    const first = await post(learnerCookie, body, "late-retry-key");
    expect(first.status).toBe(201);
    const stored = await first.json();

    // The learner belongs to a class whose assignment of this quiz has now closed.
    const now = new Date();
    const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const learner = await t.db.selectFrom("quiz_variants").select("learner_id").where("id", "=", variantId).executeTakeFirstOrThrow();
    const user = { id: `u-${crypto.randomUUID()}`, teacher: `t-${crypto.randomUUID()}`, cls: `c-${crypto.randomUUID()}` };
    const ts = now.toISOString();
    await t.db.insertInto("users").values([
      { id: user.id, name: "Late Learner", email: `${user.id}@example.com`, role: "learner", created_at: ts, updated_at: ts },
      { id: user.teacher, name: "T", email: `${user.teacher}@example.com`, role: "instructor", created_at: ts, updated_at: ts },
    ] as never).execute();
    await t.db.updateTable("learners").set({ user_id: user.id }).where("id", "=", learner.learner_id).execute();
    await t.db.insertInto("classes").values({ id: user.cls, instructor_id: user.teacher, name: "C", term: "T", join_code: user.cls.slice(2, 10).toUpperCase(), created_at: ts } as never).execute();
    await t.db.insertInto("class_members").values({ class_id: user.cls, user_id: user.id, joined_at: ts } as never).execute();
    await t.db.insertInto("assignments").values({
      id: `a-${user.cls}`, class_id: user.cls, kind: "quiz", target_id: QUIZ, open_at: iso(-3_600_000), due_at: iso(-60_000),
      max_attempts: null, grading: "highest", late_policy: "closed", late_penalty_pct: 0, answers_release: "immediately", created_at: ts,
    } as never).execute();

    const fresher = await post(learnerCookie, body, "a-new-key-after-close");
    expect(fresher.status).toBe(403);
    const retry = await post(learnerCookie, body, "late-retry-key");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((await retry.json()).attemptId).toBe(stored.attemptId);

    // The quiz allows 3 attempts; an assignment allowing 1 is the limit the learner is shown.
    expect((await load(QUIZ, learnerCookie)).body).toMatchObject({ maxAttempts: 3, attemptsUsed: 1, attemptsRemaining: 2 });
    await t.db.updateTable("assignments").set({ max_attempts: 1 }).where("id", "=", `a-${user.cls}`).execute();
    expect((await load(QUIZ, learnerCookie)).body).toMatchObject({ maxAttempts: 1, attemptsUsed: 1, attemptsRemaining: 0 });
  });

  it("lists no attempts for a visitor without a cookie", async () => {
    const res = await listAttempts(req(`/${QUIZ}/attempts`), ctx(QUIZ));
    expect(await res.json()).toEqual({ quizId: QUIZ, attempts: [] });
  });
});

describe("across dialects", () => {
  it("the same submission gives the same graded result on SQLite and Postgres", () => {
    expect(Object.keys(normalised).sort()).toEqual([...TEST_DIALECTS].sort());
    for (const d of TEST_DIALECTS) expect(normalised[d]).toEqual(normalised.sqlite);
  });
});
