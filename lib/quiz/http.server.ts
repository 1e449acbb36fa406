// The JSON edge of the quiz API: error bodies { error: { code, message, field? } }, a 64 KB body limit,
// JSON and schema checks that name the offending field, and the learner cookie.
import "server-only";
import { HttpError } from "@/lib/http/http-error";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { QuizDef } from "./define";
import { LEARNER_COOKIE, LEARNER_COOKIE_MAX_AGE, signLearnerId, verifyLearnerCookie } from "./learner.server";
import type { ApiError, InvalidAnswer } from "./types";

export const MAX_BODY_BYTES = 64 * 1024;
const NO_STORE = { "Cache-Control": "no-store" };

/** A JSON response that no cache may keep (every quiz response is per learner). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** A client error in the house shape. */
export function apiError(status: number, code: string, message: string, field?: string, invalid?: InvalidAnswer[]): NextResponse {
  const body: ApiError = { error: field ? { code, message, field } : { code, message } };
  if (invalid) body.invalid = invalid;
  return json(body, status);
}

/** Thrown inside handlers for a 4xx; `withErrors` turns it into the JSON response. */
export { HttpError };

/** Wraps a handler: HttpError → its 4xx; anything else → a logged 500 that reveals nothing. */
export async function withErrors(handler: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await handler();
  } catch (err) {
    if (err instanceof HttpError) return apiError(err.status, err.code, err.message, err.field);
    console.error("quiz API error", err);
    return apiError(500, "internal", "Something went wrong on our side; your answers were not lost — try again.");
  }
}

/** Reads the body as text, refusing more than MAX_BODY_BYTES whatever Content-Length claims. */
export async function readBody(req: NextRequest): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const tooLarge = () => new HttpError(413, "body_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`, "body");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
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

/** The Idempotency-Key header (required on POST): 1–255 visible ASCII characters. */
export function idempotencyKey(req: NextRequest): string {
  const key = req.headers.get("idempotency-key");
  if (key === null || key === "") throw new HttpError(400, "missing_idempotency_key", "Send an Idempotency-Key header (e.g. a UUID) with each new submission.", "Idempotency-Key");
  if (!KEY.test(key)) throw new HttpError(400, "invalid_idempotency_key", "The Idempotency-Key must be 1–255 visible ASCII characters.", "Idempotency-Key");
  return key;
}

/** The learner id from the signed cookie, or null. */
export function learnerFrom(req: NextRequest, secret: Buffer): string | null {
  return verifyLearnerCookie(req.cookies.get(LEARNER_COOKIE)?.value, secret);
}

/** Sets the signed learner cookie (httpOnly, SameSite=Lax; Secure behind https). */
export function setLearnerCookie(res: NextResponse, req: NextRequest, learnerId: string, secret: Buffer): void {
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  res.cookies.set(LEARNER_COOKIE, signLearnerId(learnerId, secret), { httpOnly: true, sameSite: "lax", secure: https, path: "/", maxAge: LEARNER_COOKIE_MAX_AGE });
}
