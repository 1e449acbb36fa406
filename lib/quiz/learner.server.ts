// Anonymous learners: identified by a signed httpOnly cookie "<id>.<HMAC-SHA256>" until they sign in.
// The key is SESSION_SECRET, or a random secret generated once and kept in app_secrets across restarts.
import "server-only";
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export const LEARNER_COOKIE = "learner";
export const LEARNER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
const SECRET_NAME = "learner-cookie-hmac";

/** Resolves the HMAC key: SESSION_SECRET (≥ 32 characters) or the stored one, created on first use. */
export async function loadCookieSecret(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const fromEnv = env.SESSION_SECRET;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long");
    return Buffer.from(fromEnv, "utf8");
  }
  await db
    .insertInto("app_secrets")
    .values({ name: SECRET_NAME, value: randomBytes(32).toString("base64url"), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // Read back rather than trust our insert: another process may have created it first.
  const row = await db.selectFrom("app_secrets").select("value").where("name", "=", SECRET_NAME).executeTakeFirstOrThrow();
  return Buffer.from(row.value, "base64url");
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
