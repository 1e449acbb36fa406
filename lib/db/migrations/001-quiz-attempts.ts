// Learners, the cookie secret, quiz variants, graded attempts and per-question answers.
import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? sql`timestamptz` : sql`text`;
  const real = pg ? sql`double precision` : sql`real`;

  await db.schema
    .createTable("learners")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_at", ts, (c) => c.notNull())
    // Filled when the anonymous learner signs in (the accounts issue adds the users table and the FK).
    .addColumn("user_id", "text")
    .execute();
  await db.schema.createIndex("learners_user_id_idx").on("learners").column("user_id").execute();

  await db.schema
    .createTable("app_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("quiz_variants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("learner_id", "text", (c) => c.notNull().references("learners.id").onDelete("cascade"))
    .addColumn("quiz_id", "text", (c) => c.notNull())
    .addColumn("attempt_number", "integer", (c) => c.notNull())
    .addColumn("seed", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'submitted')`))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addUniqueConstraint("quiz_variants_learner_quiz_attempt_uq", ["learner_id", "quiz_id", "attempt_number"])
    .execute();

  await db.schema
    .createTable("quiz_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("learner_id", "text", (c) => c.notNull().references("learners.id").onDelete("cascade"))
    .addColumn("quiz_id", "text", (c) => c.notNull())
    .addColumn("variant_id", "text", (c) => c.notNull().references("quiz_variants.id").onDelete("cascade"))
    .addColumn("seed", "integer", (c) => c.notNull())
    .addColumn("attempt_number", "integer", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("score", real, (c) => c.notNull())
    .addColumn("max_score", real, (c) => c.notNull())
    .addColumn("result_json", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    // A variant is graded once; a retried request is recognised by its key.
    .addUniqueConstraint("quiz_attempts_variant_uq", ["variant_id"])
    .addUniqueConstraint("quiz_attempts_idempotency_uq", ["learner_id", "idempotency_key"])
    .execute();
  await db.schema
    .createIndex("quiz_attempts_learner_quiz_idx")
    .on("quiz_attempts")
    .columns(["learner_id", "quiz_id", "attempt_number"])
    .execute();
  await db.schema.createIndex("quiz_attempts_quiz_idx").on("quiz_attempts").columns(["quiz_id", "created_at"]).execute();

  await db.schema
    .createTable("attempt_answers")
    .addColumn("attempt_id", "text", (c) => c.notNull().references("quiz_attempts.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("response_json", "text", (c) => c.notNull())
    .addColumn("choice_ids", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('correct', 'partial', 'incorrect')`))
    .addColumn("points", real, (c) => c.notNull())
    .addColumn("max_points", real, (c) => c.notNull())
    .addPrimaryKeyConstraint("attempt_answers_pk", ["attempt_id", "question_id"])
    .execute();
  // For "most-chosen wrong answer" per question.
  await db.schema
    .createIndex("attempt_answers_question_idx")
    .on("attempt_answers")
    .columns(["question_id", "status", "choice_ids"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["attempt_answers", "quiz_attempts", "quiz_variants", "app_secrets", "learners"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
