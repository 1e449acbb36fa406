// postAttempt() — the one code path behind POST /api/quizzes/:id/attempts for both the Next route and the
// production server's fast path: every refusal's status, code and field, the order checks run in, and a
// response JSON that is exactly its body.
import fc from "fast-check";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/lib/db";
import { setupTestDb } from "@/lib/db/setup-test-db";
import { postAttempt, type AttemptRequest } from "./attempt-endpoint.server";
import { quizContext, releaseQuizContextForTests, resetQuizContextForTests } from "./context.server";
import { keyAnswers } from "./key-answers.server";
import { signLearnerId } from "./learner.server";
import { getQuiz } from "./registry.server";
import { cookieValue } from "./request.server";
import { loadQuizState } from "./service.server";
import { instantiate } from "./variant.server";

const QUIZ = "is-relu-linear";
const t = setupTestDb("sqlite", (db) => {
  useDatabaseForTests(db);
  resetQuizContextForTests();
});
// Before the database is dropped: the quiz API's committer flushes and lets go of its WAL file handle.
afterAll(releaseQuizContextForTests);

/** A learner with an open variant: their cookie header and a fully correct body for it. */
async function learner(): Promise<{ cookie: string; body: string; variantId: string }> {
  const deps = await quizContext();
  const id = crypto.randomUUID();
  const quiz = getQuiz(QUIZ)!;
  const state = await loadQuizState(deps.db, id, quiz, deps.committer);
  const { seed } = await t.db.selectFrom("quiz_variants").select("seed").where("id", "=", state.variant!.variantId).executeTakeFirstOrThrow();
  const body = JSON.stringify({ variantId: state.variant!.variantId, answers: keyAnswers(instantiate(quiz, seed)) });
  return { cookie: `theme=dark; learner=${signLearnerId(id, deps.secret)}`, body, variantId: state.variant!.variantId };
}

function call(over: { quizId?: string; headers?: AttemptRequest["headers"]; body?: string | (() => Promise<string>) } = {}) {
  const body = over.body ?? "{}";
  return postAttempt({
    quizId: over.quizId ?? QUIZ,
    headers: { contentType: "application/json", idempotencyKey: crypto.randomUUID(), ...over.headers },
    body: typeof body === "string" ? async () => body : body,
  });
}

const attempts = async () => Number((await t.db.selectFrom("quiz_attempts").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

describe("postAttempt", () => {
  it("grades and stores a submission: 201, no-store, and JSON that is exactly the body", async () => {
    const l = await learner();
    const before = await attempts();
    const out = await call({ headers: { cookie: l.cookie }, body: l.body });
    expect(out.status).toBe(201);
    expect(out.headers).toEqual({ "Cache-Control": "no-store" });
    expect(out.body).toMatchObject({ quizId: QUIZ, score: 14, maxScore: 14, attemptNumber: 1, maxAttempts: 3, attemptsRemaining: 2 });
    expect(String(out.json)).toBe(JSON.stringify(out.body));
    expect(await attempts()).toBe(before + 1);
    // Stored from its UTF-8 bytes, the result is text (not a blob) and is, byte for byte, the body that was sent.
    const { attemptId } = out.body as { attemptId: string };
    const { rows } = await sql<{ type: string; json: string }>`select typeof(result_json) as type, result_json as json from quiz_attempts where id = ${attemptId}`.execute(t.db);
    expect(rows[0].type).toBe("text");
    expect(rows[0].json).toBe(String(out.json));
  });

  it("answers a retry with the same key from the store (200, Idempotent-Replayed) and stores nothing new", async () => {
    const l = await learner();
    const key = crypto.randomUUID();
    const first = await call({ headers: { cookie: l.cookie, idempotencyKey: key }, body: l.body });
    const before = await attempts();
    const again = await call({ headers: { cookie: l.cookie, idempotencyKey: key }, body: l.body });
    expect(again.status).toBe(200);
    expect(again.headers["Idempotent-Replayed"]).toBe("true");
    expect(String(again.json)).toBe(String(first.json));
    expect(await attempts()).toBe(before);
  });

  it.each([
    ["an unknown quiz", { quizId: "no-such-quiz" }, 404, "quiz_not_found", "id"],
    ["no Idempotency-Key", { headers: { idempotencyKey: null } }, 400, "missing_idempotency_key", "Idempotency-Key"],
    ["an Idempotency-Key with a space", { headers: { idempotencyKey: "a b" } }, 400, "invalid_idempotency_key", "Idempotency-Key"],
    ["text/plain", { headers: { contentType: "text/plain" } }, 415, "unsupported_media_type", "Content-Type"],
    ["a declared Content-Length over 64 KB", { headers: { contentLength: String(64 * 1024 + 1) } }, 413, "body_too_large", "body"],
    ["an empty body", { body: " " }, 400, "invalid_body", "body"],
    ["a body that is not JSON", { body: "{nope" }, 400, "invalid_json", "body"],
    ["a missing variantId", { body: JSON.stringify({ answers: {} }) }, 400, "invalid_body", "variantId"],
    ["an unknown top-level field", { body: JSON.stringify({ variantId: "v", answers: {}, score: 14 }) }, 400, "invalid_body", "score"],
    ["an unknown question", { body: JSON.stringify({ variantId: "v", answers: { nope: {} } }) }, 400, "unknown_question", "answers.nope"],
    ["no learner cookie", { body: JSON.stringify({ variantId: "v", answers: {} }) }, 401, "no_learner", "cookie"],
  ] as const)("refuses %s with its status, code and field, storing nothing", async (_name, over, status, code, field) => {
    const before = await attempts();
    const out = await call(over as Parameters<typeof call>[0]);
    expect(out.status).toBe(status);
    expect(out.body).toEqual({ error: { code, message: expect.any(String), field } });
    expect(String(out.json)).toBe(JSON.stringify(out.body));
    expect(out.headers["Cache-Control"]).toBe("no-store");
    expect(await attempts()).toBe(before);
  });

  it("runs the cheap checks before reading the body: a refused request never calls body()", async () => {
    let read = false;
    const body = async () => {
      read = true;
      return "{}";
    };
    for (const headers of [{ idempotencyKey: null }, { contentType: "text/xml" }, { contentLength: "999999" }]) {
      expect((await call({ headers, body })).status).toBeGreaterThanOrEqual(400);
    }
    expect((await call({ quizId: "nope", body })).status).toBe(404);
    expect(read).toBe(false);
  });

  it("a body reader that gives up past the limit becomes the 413 (a chunked body with no Content-Length)", async () => {
    const { bodyTooLarge } = await import("./request.server");
    const out = await call({ body: () => Promise.reject(bodyTooLarge()) });
    expect(out.status).toBe(413);
    expect(out.body).toMatchObject({ error: { code: "body_too_large", field: "body" } });
  });

  it("422s malformed answers with each one listed, and uses no attempt", async () => {
    const l = await learner();
    const answers = { ...JSON.parse(l.body).answers, "irl-pieces": { choice: "" } };
    const before = await attempts();
    const out = await call({ headers: { cookie: l.cookie }, body: JSON.stringify({ variantId: l.variantId, answers }) });
    expect(out.status).toBe(422);
    expect(out.body).toMatchObject({ error: { code: "invalid_answers", field: "answers.irl-pieces" }, invalid: [{ questionId: "irl-pieces" }] });
    expect(await attempts()).toBe(before);
  });

  it("409s a variant that is not this learner's, naming variantId", async () => {
    const a = await learner();
    const b = await learner();
    const out = await call({ headers: { cookie: b.cookie }, body: a.body });
    expect(out.status).toBe(409);
    expect(out.body).toMatchObject({ error: { code: "variant_not_found", field: "variantId" } });
  });

  it("turns an unexpected failure into a 500 that reveals nothing (and logs it)", async () => {
    const { vi } = await import("vitest");
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const out = await call({ body: () => Promise.reject(new Error("disk on fire")) });
    expect(out.status).toBe(500);
    expect(String(out.json)).not.toMatch(/disk/);
    expect(spy).toHaveBeenCalledOnce();
  });
});

describe("cookieValue reads a Cookie header as Next's request cookies do", () => {
  it.each([
    ["learner=abc", "abc"],
    ["a=1; learner=abc; b=2", "abc"],
    ["a=1;learner=abc", "abc"],
    ["learner=one; learner=two", "two"],
    ["learner=a%2Eb", "a.b"],
    ["learner=%E0%A4%A; other=1", undefined],
    ["learner=ok; learner=%E0%A4%A", "ok"],
    ["xlearner=abc", undefined],
    ["learner", "true"],
    ["", undefined],
  ])("%j → %j", (header, want) => {
    expect(cookieValue(header, "learner")).toBe(want);
  });

  it("agrees with Next's own parser on arbitrary headers (the Next route and the fast path see one learner)", () => {
    const piece = fc.oneof(fc.constantFrom("learner", "learner=", "=", ";", "; ", "%", "%2E", "%E0", ".", "a=b"), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        // Both servers see the header value as HTTP delivers it (surrounding whitespace trimmed).
        const headers = new Headers({ cookie: parts.join("") });
        expect(cookieValue(headers.get("cookie"), "learner")).toBe(new RequestCookies(headers).get("learner")?.value);
      }),
      { numRuns: 5000 },
    );
  });
});
