// The Next.js edge of the quiz API: JSON responses that no cache keeps, HttpError → 4xx, the body read
// under the 64 KB limit, and the learner cookie. The checks themselves live in ./request.server.ts, which
// the production server's fast path for POST …/attempts shares (docs/decisions/063-attempts-fast-path.md).
import "server-only";
import { HttpError } from "@/lib/http/http-error";
import { NextResponse, type NextRequest } from "next/server";
import { LEARNER_COOKIE, LEARNER_COOKIE_MAX_AGE, signLearnerId } from "./learner.server";
import { bodyTooLarge, checkIdempotencyKey, declaresTooLarge, errorBody, errorFor, learnerFromCookieHeader, MAX_BODY_BYTES, NO_STORE } from "./request.server";
import type { InvalidAnswer } from "./types";

export { MAX_BODY_BYTES, parseSubmission, type SubmissionBody } from "./request.server";

/** A JSON response that no cache may keep (every quiz response is per learner). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** A client error in the house shape. */
export function apiError(status: number, code: string, message: string, field?: string, invalid?: InvalidAnswer[]): NextResponse {
  return json(errorBody(code, message, field, invalid), status);
}

/** Thrown inside handlers for a 4xx; `withErrors` turns it into the JSON response. */
export { HttpError };

/** Wraps a handler: HttpError → its 4xx; anything else → a logged 500 that reveals nothing. */
export async function withErrors(handler: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await handler();
  } catch (err) {
    const { status, body } = errorFor(err);
    return json(body, status);
  }
}

/** Reads the body as text, refusing more than MAX_BODY_BYTES whatever Content-Length claims. */
export async function readBody(req: NextRequest): Promise<string> {
  if (declaresTooLarge(req.headers.get("content-length"))) throw bodyTooLarge();
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
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The Idempotency-Key header (required on POST): 1–255 visible ASCII characters. */
export function idempotencyKey(req: NextRequest): string {
  return checkIdempotencyKey(req.headers.get("idempotency-key"));
}

/** The learner id from the signed cookie, or null (read as the fast path reads it: one parser for both). */
export function learnerFrom(req: NextRequest, secret: Buffer): string | null {
  return learnerFromCookieHeader(req.headers.get("cookie"), secret);
}

/** Sets the signed learner cookie (httpOnly, SameSite=Lax; Secure behind https). */
export function setLearnerCookie(res: NextResponse, req: NextRequest, learnerId: string, secret: Buffer): void {
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  res.cookies.set(LEARNER_COOKIE, signLearnerId(learnerId, secret), { httpOnly: true, sameSite: "lax", secure: https, path: "/", maxAge: LEARNER_COOKIE_MAX_AGE });
}
