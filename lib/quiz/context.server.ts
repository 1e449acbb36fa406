// Per-process state for the quiz API: the migrated database, its group committer and the cookie key.
import "server-only";
import type { Kysely } from "kysely";
import { closeDb, ensureMigrated, getDb, getDbConfig, type Database } from "@/lib/db";
import { createGroupCommitter, type GroupCommitter } from "@/lib/db/group-commit";
import { loadCookieSecret } from "./learner.server";

export type QuizContext = { db: Kysely<Database>; committer: GroupCommitter<Database>; secret: Buffer };

const g = globalThis as { __quizContext?: Promise<QuizContext> };

/** Resolves once per process (migrations run on start, before the first quiz request is served). */
export function quizContext(): Promise<QuizContext> {
  g.__quizContext ??= (async () => {
    await ensureMigrated();
    const db = getDb();
    const config = getDbConfig();
    // SQLite: fsync off the event loop (docs/decisions/031-group-commit.md); Postgres commits are durable as they are.
    const committer = createGroupCommitter(db, config.dialect === "sqlite" ? { sqliteDeferredSync: { file: config.sqlitePath } } : {});
    return { db, committer, secret: await loadCookieSecret(db) };
  })().catch((err: unknown) => {
    g.__quizContext = undefined;
    throw err;
  });
  return g.__quizContext;
}

/** Graceful shutdown: waits until every queued attempt is committed and synced, then closes the database
 * (SQLite checkpoints its WAL on close, at synchronous=FULL). */
export async function closeQuizContext(): Promise<void> {
  const pending = g.__quizContext;
  g.__quizContext = undefined;
  const ctx = await pending?.catch(() => undefined);
  await ctx?.committer.close();
  await closeDb();
}

/** Tests, before their database is dropped: flushes and closes the context's committer (releasing its WAL file
 * handle) and forgets the context; the database itself belongs to the test. */
export async function releaseQuizContextForTests(): Promise<void> {
  const ctx = await g.__quizContext?.catch(() => undefined);
  g.__quizContext = undefined;
  await ctx?.committer.close();
}

/** Forgets the cached context (tests that switch databases). */
export function resetQuizContextForTests(): void {
  g.__quizContext = undefined;
}
