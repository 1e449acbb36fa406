// Anonymous learners: identified by a signed httpOnly cookie "<id>.<HMAC-SHA256>" until they sign in.
// The key is SESSION_SECRET, or a random secret generated once and kept in app_secrets across restarts.
import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { loadAppSecret } from "@/lib/db/app-secrets.server";

export const LEARNER_COOKIE = "learner";
export const LEARNER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
const SECRET_NAME = "learner-cookie-hmac";

/** Resolves the HMAC key: SESSION_SECRET (≥ 32 characters) or the stored one, created on first use. */
export async function loadCookieSecret(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const secret = await loadAppSecret(db, SECRET_NAME, "SESSION_SECRET", env);
  return secret.fromEnv ? Buffer.from(secret.value, "utf8") : Buffer.from(secret.value, "base64url");
}

function mac(id: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(id).digest("base64url");
}

/** The cookie value for a learner id. */
export function signLearnerId(id: string, secret: Buffer): string {
  return `${id}.${mac(id, secret)}`;
}

/** The learner id in a cookie value, or null when it is missing, malformed or forged. */
export function verifyLearnerCookie(value: string | undefined, secret: Buffer): string | null {
  if (!value || value.length > 200) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** A new learner id (the row is written with the first variant). */
export function newLearnerId(): string {
  return randomUUID();
}
