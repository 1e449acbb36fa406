// Each attempt's per-question answers move from the attempt_answers table (one row per question, two indexes)
// into quiz_attempts.answers_json: writing 14 rows per attempt was a third of an attempt's server CPU, and the
// only reader (the gradebook) loads whole attempts anyway (docs/decisions/066-answers-in-the-attempt-row.md).
// Existing rows are copied over before the table is dropped, in the migration's transaction.
import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect";

type OldAnswerRow = {
  attempt_id: string;
  question_id: string;
  position: number;
  response_json: string;
  choice_ids: string;
  status: string;
  points: number;
  max_points: number;
};

const BATCH = 500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("quiz_attempts")
    .addColumn("answers_json", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();

  // Copied attempt by attempt, in batches of attempts, so memory stays bounded on a large database.
  let after = "";
  for (;;) {
    const ids = (await db.selectFrom("quiz_attempts").select("id").where("id", ">", after).orderBy("id").limit(BATCH).execute()).map((r) => r.id as string);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    const rows = (await db.selectFrom("attempt_answers").selectAll().where("attempt_id", "in", ids).orderBy("attempt_id").orderBy("position").execute()) as OldAnswerRow[];
    const byAttempt = new Map<string, unknown[]>();
    for (const r of rows) {
      const list = byAttempt.get(r.attempt_id) ?? [];
      list.push({
        questionId: r.question_id,
        status: r.status,
        points: Number(r.points),
        maxPoints: Number(r.max_points),
        choiceIds: r.choice_ids === "" ? [] : r.choice_ids.split(","),
        response: JSON.parse(r.response_json),
      });
      byAttempt.set(r.attempt_id, list);
    }
    for (const [id, answers] of byAttempt) {
      await db.updateTable("quiz_attempts").set({ answers_json: JSON.stringify(answers) }).where("id", "=", id).execute();
    }
  }

  await db.schema.dropIndex("attempt_answers_question_idx").ifExists().execute();
  await db.schema.dropTable("attempt_answers").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  const real = isPostgres(db) ? sql`double precision` : sql`real`;
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
  await db.schema.createIndex("attempt_answers_question_idx").on("attempt_answers").columns(["question_id", "status", "choice_ids"]).execute();
  const attempts = await db.selectFrom("quiz_attempts").select(["id", "answers_json"]).execute();
  for (const a of attempts) {
    const answers = JSON.parse(a.answers_json as string) as { questionId: string; status: string; points: number; maxPoints: number; choiceIds: string[]; response: unknown }[];
    for (const [i, x] of answers.entries()) {
      await db
        .insertInto("attempt_answers")
        .values({
          attempt_id: a.id,
          question_id: x.questionId,
          position: i + 1,
          response_json: JSON.stringify(x.response),
          choice_ids: x.choiceIds.join(","),
          status: x.status,
          points: x.points,
          max_points: x.maxPoints,
        })
        .execute();
    }
  }
  await db.schema.alterTable("quiz_attempts").dropColumn("answers_json").execute();
}
