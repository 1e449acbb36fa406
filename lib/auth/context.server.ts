// Per-process state for accounts and classes: the migrated database, the better-auth instance and the
// learner-cookie key. Tests swap in their own database with setAppContextForTests.
import "server-only";
import type { Kysely } from "kysely";
import { ensureMigrated, getDb, type Database } from "@/lib/db";
import { loadCookieSecret } from "@/lib/quiz/learner.server";
import { createAuth, type Auth } from "./auth.server";
import { loadAuthSecret } from "./secret.server";

export type AppContext = { db: Kysely<Database>; auth: Auth; learnerSecret: Buffer };

const g = globalThis as { __appContext?: Promise<AppContext> };

/** Builds the context for a database (already migrated). */
export async function buildAppContext(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<AppContext> {
  const learnerSecret = await loadCookieSecret(db, env);
  const auth = createAuth({ db, secret: await loadAuthSecret(db, env), learnerSecret, env });
  return { db, auth, learnerSecret };
}

/** The process-wide context, built once (after migrations). */
export function appContext(): Promise<AppContext> {
  g.__appContext ??= (async () => {
    await ensureMigrated();
    return buildAppContext(getDb());
  })().catch((err: unknown) => {
    g.__appContext = undefined;
    throw err;
  });
  return g.__appContext;
}

/** Test hook: serve route handlers from another database (undefined restores the default). */
export function setAppContextForTests(ctx: AppContext | undefined): void {
  g.__appContext = ctx ? Promise.resolve(ctx) : undefined;
}
