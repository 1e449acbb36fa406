// better-auth on the app's Kysely instance: email + password, roles (instructor, learner), sessions in
// httpOnly SameSite=Lax cookies (Secure over https), rate-limited sign-in and sign-up, and the anonymous
// learner linked to the account on sign-up and sign-in. See docs/decisions/050 and 051.
import "server-only";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { LEARNER_COOKIE, LEARNER_COOKIE_MAX_AGE, signLearnerId, verifyLearnerCookie } from "@/lib/quiz/learner.server";
import { linkLearnerToUser } from "./link-learner.server";
import { createThrottle } from "./throttle";

export const ROLES = ["instructor", "learner"] as const;
const SIGN_IN_PATHS = new Set(["/sign-in/email", "/sign-up/email"]);

export type AuthDeps = {
  db: Kysely<Database>;
  secret: string;
  /** The learner-cookie HMAC key (lib/quiz/learner.server). */
  learnerSecret: Buffer;
  env?: NodeJS.ProcessEnv;
};

function baseURLFrom(env: NodeJS.ProcessEnv) {
  if (env.BETTER_AUTH_URL) return env.BETTER_AUTH_URL;
  // Without a fixed URL the origin comes from the request, but only for hosts on this list.
  const hosts = (env.AUTH_ALLOWED_HOSTS ?? "localhost,localhost:*,127.0.0.1,127.0.0.1:*").split(",").map((h) => h.trim()).filter(Boolean);
  // The fallback serves direct server calls (the seed) that have no request to read a host from.
  return { allowedHosts: hosts, fallback: `http://localhost:${env.PORT ?? 3000}` };
}

/** Builds the better-auth instance for a database (tests build one per database). */
export function createAuth({ db, secret, learnerSecret, env = process.env }: AuthDeps) {
  const ts = { createdAt: "created_at", updatedAt: "updated_at" };
  // Per account, on top of better-auth's per-address limit (which trusts X-Forwarded-For).
  const perAccount = createThrottle({ db, max: Number(env.AUTH_SIGN_IN_PER_ACCOUNT ?? 10), windowMs: 15 * 60_000 });
  const accountKey = (body: Record<string, unknown>) => (typeof body.email === "string" ? body.email.trim().toLowerCase() : "");
  return betterAuth({
    appName: "Is ReLU linear?",
    secret,
    baseURL: baseURLFrom(env),
    // "sqlite" value conventions on both dialects: dates travel as ISO strings (lib/db parses timestamptz
    // into strings), booleans as 0/1 (Postgres accepts '0'/'1' for boolean). See decision 050.
    database: { db, type: "sqlite" },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    user: {
      modelName: "users",
      fields: { emailVerified: "email_verified", ...ts },
      additionalFields: { role: { type: "string", required: false, defaultValue: "learner", input: true } },
    },
    session: {
      modelName: "sessions",
      fields: { userId: "user_id", expiresAt: "expires_at", ipAddress: "ip_address", userAgent: "user_agent", ...ts },
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    account: {
      modelName: "accounts",
      fields: {
        userId: "user_id",
        accountId: "account_id",
        providerId: "provider_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        ...ts,
      },
    },
    verification: { modelName: "verifications", fields: { expiresAt: "expires_at", ...ts } },
    rateLimit: {
      enabled: env.AUTH_RATE_LIMIT !== "off",
      // In the database, so that the limits hold across the server's processes (decision 070).
      storage: "database",
      modelName: "rate_limits",
      fields: { lastRequest: "last_request" },
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: Number(env.AUTH_SIGN_IN_PER_MINUTE ?? 10) },
        "/sign-up/email": { window: 60, max: Number(env.AUTH_SIGN_IN_PER_MINUTE ?? 10) },
      },
    },
    advanced: {
      // better-auth skips its Origin check under NODE_ENV=test; we keep it on so the tests see the real thing.
      disableOriginCheck: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        if (ctx.path === "/sign-in/email" && env.AUTH_RATE_LIMIT !== "off") {
          const r = await perAccount.hit(accountKey(body));
          if (!r.allowed) {
            throw new APIError("TOO_MANY_REQUESTS", { message: `Too many sign-in attempts for this account. Try again in ${Math.ceil(r.retryAfter / 60)} minute(s).`, code: "TOO_MANY_ATTEMPTS" });
          }
        }
        if (ctx.path === "/sign-up/email") {
          if (body.role !== undefined && !ROLES.includes(body.role as (typeof ROLES)[number])) {
            throw new APIError("BAD_REQUEST", { message: "role must be “instructor” or “learner”.", code: "INVALID_ROLE" });
          }
          if (typeof body.name === "string" && (body.name.trim() === "" || body.name.length > 100)) {
            throw new APIError("BAD_REQUEST", { message: "Your name must be 1–100 characters.", code: "INVALID_NAME" });
          }
        }
        // A learner must not make themself an instructor (or vice versa) after sign-up.
        if (ctx.path === "/update-user" && "role" in body) {
          throw new APIError("BAD_REQUEST", { message: "The role cannot be changed.", code: "ROLE_IMMUTABLE" });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const https = (ctx.request?.url ?? "").startsWith("https:") || ctx.request?.headers.get("x-forwarded-proto") === "https";
        if (SIGN_IN_PATHS.has(ctx.path)) {
          const userId = ctx.context.newSession?.user.id;
          if (!userId) return;
          if (ctx.path === "/sign-in/email") await perAccount.reset(accountKey((ctx.body ?? {}) as Record<string, unknown>));
          const fromCookie = verifyLearnerCookie(ctx.getCookie(LEARNER_COOKIE) ?? undefined, learnerSecret);
          const { learnerId } = await linkLearnerToUser(db, userId, fromCookie);
          if (learnerId !== fromCookie) {
            ctx.setCookie(LEARNER_COOKIE, signLearnerId(learnerId, learnerSecret), { httpOnly: true, sameSite: "lax", secure: https, path: "/", maxAge: LEARNER_COOKIE_MAX_AGE });
          }
        }
        if (ctx.path === "/sign-out") {
          // On a shared computer the next person's answers must not land in this account.
          ctx.setCookie(LEARNER_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: https, path: "/", maxAge: 0 });
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
