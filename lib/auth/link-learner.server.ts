// Moves an anonymous learner's attempts to the account that signs in on the same browser, in one
// transaction. Each account has one learner row; the learner cookie is pointed at it afterwards.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";

async function accountLearner(tx: Transaction<Database>, userId: string): Promise<string | null> {
  const row = await tx.selectFrom("learners").select("id").where("user_id", "=", userId).orderBy("created_at").orderBy("id").executeTakeFirst();
  return row?.id ?? null;
}

/** Renumbers and moves `from`'s submitted attempts after `to`'s, quiz by quiz; drops `from`'s open variants. */
async function mergeInto(tx: Transaction<Database>, from: string, to: string): Promise<void> {
  await tx.deleteFrom("quiz_variants").where("learner_id", "=", from).where("status", "=", "open").execute();
  const quizzes = await tx.selectFrom("quiz_variants").select("quiz_id").distinct().where("learner_id", "=", from).execute();
  for (const { quiz_id } of quizzes) {
    // The account's own unsubmitted variant would sit below the moved attempts and hide them from the count.
    await tx.deleteFrom("quiz_variants").where("learner_id", "=", to).where("quiz_id", "=", quiz_id).where("status", "=", "open").execute();
    const top = await tx
      .selectFrom("quiz_variants")
      .select((eb) => eb.fn.max("attempt_number").as("n"))
      .where("learner_id", "=", to)
      .where("quiz_id", "=", quiz_id)
      .executeTakeFirst();
    const offset = Number(top?.n ?? 0);
    await tx
      .updateTable("quiz_variants")
      .set((eb) => ({ learner_id: to, attempt_number: eb("attempt_number", "+", offset) }))
      .where("learner_id", "=", from)
      .where("quiz_id", "=", quiz_id)
      .execute();
    await tx
      .updateTable("quiz_attempts")
      .set((eb) => ({ learner_id: to, attempt_number: eb("attempt_number", "+", offset) }))
      .where("learner_id", "=", from)
      .where("quiz_id", "=", quiz_id)
      .execute();
  }
  await tx.deleteFrom("learners").where("id", "=", from).execute();
}

export type LinkOutcome = { learnerId: string; moved: boolean };

/**
 * Links the browser's learner (from its cookie, may be null) to `userId` and returns the learner id the
 * cookie should now hold: the anonymous learner becomes the account's when the account has none; else its
 * attempts move into the account's learner. A learner that belongs to another account is left alone.
 */
export async function linkLearnerToUser(db: Kysely<Database>, userId: string, cookieLearnerId: string | null): Promise<LinkOutcome> {
  return db.transaction().execute(async (tx) => {
    const own = await accountLearner(tx, userId);
    const cookie = cookieLearnerId
      ? await tx.selectFrom("learners").select(["id", "user_id"]).where("id", "=", cookieLearnerId).executeTakeFirst()
      : undefined;
    if (cookie && cookie.user_id === userId) return { learnerId: cookie.id, moved: false };
    if (cookie && cookie.user_id === null) {
      if (own === null) {
        await tx.updateTable("learners").set({ user_id: userId }).where("id", "=", cookie.id).where("user_id", "is", null).execute();
        return { learnerId: cookie.id, moved: true };
      }
      await mergeInto(tx, cookie.id, own);
      return { learnerId: own, moved: true };
    }
    if (own !== null) return { learnerId: own, moved: false };
    const id = randomUUID();
    await tx.insertInto("learners").values({ id, created_at: new Date().toISOString(), user_id: userId }).execute();
    return { learnerId: id, moved: false };
  });
}
