// The framework-free checks on a quiz API request: the 64 KB body limit, the submission's JSON and shape
// (errors name the field), the Idempotency-Key and the learner cookie. Shared by the Next route handlers
// and the production server's fast path for POST …/attempts (docs/decisions/063-attempts-fast-path.md).
import "server-only";
import { z } from "zod";
import { HttpError } from "@/lib/http/http-error";
import type { QuizDef } from "./define";
import { LEARNER_COOKIE, verifyLearnerCookie } from "./learner.server";
import type { ApiError, InvalidAnswer } from "./types";

export const MAX_BODY_BYTES = 64 * 1024;

/** Every quiz API response is per learner: no cache may keep it. */
export const NO_STORE = Object.freeze({ "Cache-Control": "no-store" });

/** The 413 for a body over MAX_BODY_BYTES, whatever Content-Length claimed. */
export function bodyTooLarge(): HttpError {
  return new HttpError(413, "body_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`, "body");
}

/** A declared Content-Length over the limit (checked before reading any of the body). */
export function declaresTooLarge(contentLength: string | null | undefined): boolean {
  return Number(contentLength ?? "0") > MAX_BODY_BYTES;
}

/** A client error in the house shape { error: { code, message, field? }, invalid? }. */
export function errorBody(code: string, message: string, field?: string, invalid?: InvalidAnswer[]): ApiError {
  const body: ApiError = { error: field ? { code, message, field } : { code, message } };
  if (invalid) body.invalid = invalid;
  return body;
}

/** The status and body for an error thrown inside a handler: an HttpError's own 4xx, anything else a logged 500
 * that reveals nothing. The Next edge (http.server.ts) and the fast path (attempt-endpoint.server.ts) both use it. */
export function errorFor(err: unknown): { status: number; body: ApiError } {
  if (err instanceof HttpError) return { status: err.status, body: errorBody(err.code, err.message, err.field) };
  console.error("quiz API error", err);
  return { status: 500, body: errorBody("internal", "Something went wrong on our side; your answers were not lost — try again.") };
}

const submissionSchema = z.strictObject({
  variantId: z.string().min(1).max(128),
  answers: z.record(z.string().max(128), z.unknown()),
});
export type SubmissionBody = z.infer<typeof submissionSchema>;

/** Parses and checks a submission: 400 naming the field on bad JSON, a wrong shape or an unknown question id. */
export function parseSubmission(raw: string, quiz: QuizDef): SubmissionBody {
  const type = "body";
  if (raw.trim() === "") throw new HttpError(400, "invalid_body", "The request body is empty; send JSON { variantId, answers }.", type);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.", type);
  }
  const r = submissionSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const field = [...issue.path, ...keys.slice(0, 1)].map(String).join(".") || type;
    const message = issue.code === "unrecognized_keys" ? `Unknown field “${field}”.` : `${field}: ${issue.message}`;
    throw new HttpError(400, "invalid_body", message, field);
  }
  const known = new Set(quiz.questions.map((q) => q.id));
  const unknown = Object.keys(r.data.answers).find((k) => !known.has(k));
  if (unknown !== undefined) throw new HttpError(400, "unknown_question", `Quiz “${quiz.id}” has no question “${unknown}”.`, `answers.${unknown}`);
  return r.data;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header value (required on POST): 1–255 visible ASCII characters. */
export function checkIdempotencyKey(key: string | null | undefined): string {
  if (key === null || key === undefined || key === "") throw new HttpError(400, "missing_idempotency_key", "Send an Idempotency-Key header (e.g. a UUID) with each new submission.", "Idempotency-Key");
  if (!KEY.test(key)) throw new HttpError(400, "invalid_idempotency_key", "The Idempotency-Key must be 1–255 visible ASCII characters.", "Idempotency-Key");
  return key;
}

/** One cookie's value from a Cookie header, parsed as Next's request cookies are (the last pair wins,
 * values are %-decoded, a pair that does not decode is skipped). */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  for (const pair of header.split(/; */)) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at === -1) {
      if (pair === name) found = "true";
      continue;
    }
    if (pair.slice(0, at) !== name) continue;
    try {
      found = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // Next drops a pair it cannot decode
    }
  }
  return found;
}

/** The learner id from the signed cookie in a Cookie header, or null. */
export function learnerFromCookieHeader(header: string | null | undefined, secret: Buffer): string | null {
  return verifyLearnerCookie(cookieValue(header, LEARNER_COOKIE), secret);
}
