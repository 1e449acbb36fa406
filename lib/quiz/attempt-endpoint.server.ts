// POST /api/quizzes/:id/attempts without a framework: request headers and a body reader in, status, headers
// and a JSON body out. The Next route handler and the production server's fast path both call this, so the
// endpoint has one behaviour whichever serves it (docs/decisions/063-attempts-fast-path.md).
import "server-only";
import { HttpError } from "@/lib/http/http-error";
import { applyAnswerRelease, resolveAttemptPolicy, revealsAnswers } from "@/lib/classes/assignment-rules.server";
import { quizContext } from "./context.server";
import { getQuiz } from "./registry.server";
import { bodyTooLarge, checkIdempotencyKey, declaresTooLarge, errorBody, errorFor, learnerFromCookieHeader, NO_STORE, parseSubmission } from "./request.server";
import { findReplay, submitAttempt, type AttemptResponse } from "./service.server";

export type AttemptRequest = {
  /** The `:id` path segment, decoded. */
  quizId: string;
  headers: { contentType?: string | null; contentLength?: string | null; idempotencyKey?: string | null; cookie?: string | null };
  /** Reads the whole body as UTF-8; rejects with bodyTooLarge() past MAX_BODY_BYTES. Called at most once,
   * and only after the cheaper checks pass (so their errors come first, as they always have). */
  body: () => Promise<string>;
};

/** What to send: `json` is `body` serialised, as a string or as its UTF-8 bytes; the adapter adds Content-Type:
 * application/json (and, on the fast path, the API's security headers). */
export type EndpointResponse = { status: number; headers: Record<string, string>; body: unknown; json: string | Buffer };

/** The response body as UTF-8 bytes, whichever form the endpoint made it in. */
export function bodyBytes(out: EndpointResponse): Buffer<ArrayBuffer> {
  // Buffer.from and Buffer.concat allocate ordinary (not shared) ArrayBuffers.
  return (typeof out.json === "string" ? Buffer.from(out.json, "utf8") : out.json) as Buffer<ArrayBuffer>;
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}, json = JSON.stringify(body)): EndpointResponse {
  return { status, headers: { ...NO_STORE, ...headers }, body, json };
}

/** A new attempt's 201 from the bytes the service stored; `body` is parsed only if someone reads it. */
function respondStored(outcome: { readonly attempt: AttemptResponse }, bytes: Buffer): EndpointResponse {
  return {
    status: 201,
    headers: { ...NO_STORE },
    json: bytes,
    get body() {
      return outcome.attempt;
    },
  };
}

async function handle(req: AttemptRequest): Promise<EndpointResponse> {
  const quiz = getQuiz(req.quizId);
  if (!quiz) throw new HttpError(404, "quiz_not_found", `There is no quiz “${req.quizId}”.`, "id");
  const key = checkIdempotencyKey(req.headers.idempotencyKey);
  const type = req.headers.contentType;
  if (type && !/^application\/json\b/i.test(type)) throw new HttpError(415, "unsupported_media_type", "Send the answers as application/json.", "Content-Type");
  if (declaresTooLarge(req.headers.contentLength)) throw bodyTooLarge();
  const body = parseSubmission(await req.body(), quiz);
  const deps = await quizContext();
  const learnerId = learnerFromCookieHeader(req.headers.cookie, deps.secret);
  if (!learnerId) throw new HttpError(401, "no_learner", "Load the quiz first (GET /api/quizzes/:id): it identifies you with a cookie.", "cookie");
  // Assignment rules (open/due dates, late policy, attempts allowed, answer release) from the learner's class.
  const policy = await resolveAttemptPolicy(deps.db, learnerId, quiz.id);
  const args = { quiz, learnerId, idempotencyKey: key, body };
  // A retry of a submission that was stored before the assignment closed (its answer lost on the way) gets
  // the stored result, not a refusal: the learner did submit in time.
  const closed = policy && !policy.canSubmit;
  const out = (closed ? await findReplay(deps.db, args) : null) ?? (closed ? null : await submitAttempt(deps, args));
  if (!out) throw new HttpError(403, policy?.code ?? "assignment_closed", policy?.message ?? "This assignment does not accept attempts now.", "quizId");
  switch (out.kind) {
    case "graded": {
      if (out.replayed) return respond(200, applyAnswerRelease(out.attempt, policy), { "Idempotent-Replayed": "true" });
      // Unchanged by the answer-release rules: the stored bytes plus the budget are the response.
      return out.responseBytes && revealsAnswers(policy) ? respondStored(out, out.responseBytes) : respond(201, applyAnswerRelease(out.attempt, policy));
    }
    case "invalid": {
      const first = out.invalid[0];
      const message =
        out.invalid.length === 1
          ? `Question ${first.number}: ${first.message} Nothing was graded and no attempt was used.`
          : `${out.invalid.length} answers need fixing. Nothing was graded and no attempt was used.`;
      return respond(422, errorBody("invalid_answers", message, `answers.${first.questionId}`, out.invalid));
    }
    case "conflict":
      return respond(out.status, errorBody(out.code, out.message, out.field));
  }
}

/** Grades and stores one submission (idempotent by key); every client mistake is a 4xx naming the field,
 * anything else a logged 500 that reveals nothing. */
export async function postAttempt(req: AttemptRequest): Promise<EndpointResponse> {
  try {
    return await handle(req);
  } catch (err) {
    const { status, body } = errorFor(err);
    return respond(status, body);
  }
}
