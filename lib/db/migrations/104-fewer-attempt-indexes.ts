// Two of quiz_attempts' five indexes go: every lookup by learner is served by the unique
// (learner_id, idempotency_key) index (a learner has a handful of attempts), and nothing looks attempts up by
// quiz and time. Each index was one more page written to the WAL per attempt (decision 067).
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("quiz_attempts_learner_quiz_idx").execute();
  await db.schema.dropIndex("quiz_attempts_quiz_idx").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("quiz_attempts_learner_quiz_idx").on("quiz_attempts").columns(["learner_id", "quiz_id", "attempt_number"]).execute();
  await db.schema.createIndex("quiz_attempts_quiz_idx").on("quiz_attempts").columns(["quiz_id", "created_at"]).execute();
}
