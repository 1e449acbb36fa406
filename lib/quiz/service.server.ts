// The quiz use cases on top of the database: the learner's current variant, submitting an attempt
// (idempotent, graded on the server, stored by group commit) and the attempt history.
import "server-only";
import { createHash, randomInt } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database, QuizVariantRow, StoredAnswer } from "@/lib/db/schema";
import type { GroupCommitter } from "@/lib/db/group-commit";
import { uuidv7 } from "@/lib/db/ids";
import { isPostgres } from "@/lib/db/migrations/dialect";
import { param, prepare } from "@/lib/db/prepared";
import { validateAnswers } from "./answers.server";
import type { QuizDef } from "./define";
import { gradeVariant, type Graded } from "./grade.server";
import { instantiate, toPublicVariant } from "./variant.server";
import type { AttemptResult, InvalidAnswer, QuizState } from "./types";

export type Deps = { db: Kysely<Database>; committer: GroupCommitter<Database> };

/** A graded attempt with the learner's remaining budget. */
export type AttemptResponse = AttemptResult & { maxAttempts: number | null; attemptsRemaining: number | null };

export type SubmitOutcome =
  /** `responseBytes`: JSON.stringify(attempt) in UTF-8, when this call stored the attempt (made from the stored
   * bytes; `attempt` is then parsed from them only when read). */
  | { kind: "graded"; readonly attempt: AttemptResponse; replayed: boolean; responseBytes?: Buffer }
  | { kind: "invalid"; invalid: InvalidAnswer[] }
  | { kind: "conflict"; status: 409 | 422; code: string; message: string; field?: string };

const remaining = (quiz: QuizDef, used: number) => (quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - used));

function openVariant(db: Kysely<Database>, learnerId: string, quizId: string): Promise<QuizVariantRow | undefined> {
  return db
    .selectFrom("quiz_variants")
    .selectAll()
    .where("learner_id", "=", learnerId)
    .where("quiz_id", "=", quizId)
    .where("status", "=", "open")
    .orderBy("attempt_number", "desc")
    .executeTakeFirst();
}

/** The learner's current variant, created (with the learner row) when none is open and attempts remain.
 * With a committer, the two inserts join a group commit (one fsync for many first visits). */
export async function loadQuizState(db: Kysely<Database>, learnerId: string, quiz: QuizDef, committer?: GroupCommitter<Database>): Promise<QuizState> {
  let open = await openVariant(db, learnerId, quiz.id);
  let used: number;
  if (open) used = open.attempt_number - 1;
  else {
    const last = await db
      .selectFrom("quiz_variants")
      .select((eb) => eb.fn.max("attempt_number").as("n"))
      .where("learner_id", "=", learnerId)
      .where("quiz_id", "=", quiz.id)
      .executeTakeFirst();
    used = Number(last?.n ?? 0);
    if (quiz.maxAttempts === null || used < quiz.maxAttempts) {
      const now = new Date().toISOString();
      const create = async (w: Kysely<Database>) => {
        await w.insertInto("learners").values({ id: learnerId, created_at: now, user_id: null }).onConflict((oc) => oc.doNothing()).execute();
        // A concurrent request may create the same attempt number first; then we read back its variant.
        await w
          .insertInto("quiz_variants")
          .values({ id: uuidv7(), learner_id: learnerId, quiz_id: quiz.id, attempt_number: used + 1, seed: randomInt(2 ** 31), status: "open", created_at: now })
          .onConflict((oc) => oc.doNothing())
          .execute();
      };
      if (committer) await committer.run(create);
      else await db.transaction().execute(create);
      open = await openVariant(db, learnerId, quiz.id);
      if (open) used = open.attempt_number - 1;
    }
  }
  return {
    quizId: quiz.id,
    title: quiz.title,
    description: quiz.description,
    graded: quiz.graded,
    maxAttempts: quiz.maxAttempts,
    attemptsUsed: used,
    attemptsRemaining: remaining(quiz, used),
    variant: open ? toPublicVariant(instantiate(quiz, open.seed), open.id, open.attempt_number) : null,
  };
}

/** The learner's budget after attempt number `attemptNumber`, as the API appends it to a result. */
function budgetAfter(quiz: QuizDef, attemptNumber: number): Pick<AttemptResponse, "maxAttempts" | "attemptsRemaining"> {
  return { maxAttempts: quiz.maxAttempts, attemptsRemaining: remaining(quiz, attemptNumber) };
}

function withBudget(quiz: QuizDef, a: AttemptResult): AttemptResponse {
  return { ...a, ...budgetAfter(quiz, a.attemptNumber) };
}

/** A stable hash of what was submitted, so a reused Idempotency-Key with a different body is caught. */
export function requestHash(quizId: string, body: { variantId: string; answers: Record<string, unknown> }): string {
  const sorted = Object.keys(body.answers)
    .sort()
    .map((k) => [k, body.answers[k]]);
  return createHash("sha256").update(JSON.stringify([quizId, body.variantId, sorted])).digest("base64url");
}

async function replay(db: Kysely<Database>, quiz: QuizDef, learnerId: string, key: string, hash: string): Promise<SubmitOutcome | null> {
  const row = await db
    .selectFrom("quiz_attempts")
    .select(["quiz_id", "request_hash", "result_json"])
    .where("learner_id", "=", learnerId)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.quiz_id !== quiz.id || row.request_hash !== hash) {
    return { kind: "conflict", status: 422, code: "idempotency_key_reused", message: "This Idempotency-Key was already used for a different submission; send a new key.", field: "Idempotency-Key" };
  }
  return { kind: "graded", attempt: withBudget(quiz, JSON.parse(row.result_json) as AttemptResult), replayed: true };
}

/** The stored outcome of an earlier submission with this Idempotency-Key, or null when there is none. */
export function findReplay(
  db: Kysely<Database>,
  args: { quiz: QuizDef; learnerId: string; idempotencyKey: string; body: { variantId: string; answers: Record<string, unknown> } },
): Promise<SubmitOutcome | null> {
  return replay(db, args.quiz, args.learnerId, args.idempotencyKey, requestHash(args.quiz.id, args.body));
}

// The statements every submission runs, compiled once (lib/db/prepared.ts): the attempt hot path.
const submittedVariant = prepare<Database, QuizVariantRow>((db) =>
  db.selectFrom("quiz_variants").selectAll().where("id", "=", param<string>("id")).where("learner_id", "=", param<string>("learnerId")).where("quiz_id", "=", param<string>("quizId")),
);
const insertAttempt = prepare<Database, never>((db) =>
  db
    .insertInto("quiz_attempts")
    .values({
      id: param("id"),
      learner_id: param("learnerId"),
      quiz_id: param("quizId"),
      variant_id: param("variantId"),
      seed: param("seed"),
      attempt_number: param("attemptNumber"),
      idempotency_key: param("key"),
      request_hash: param("hash"),
      score: param("score"),
      max_score: param("maxScore"),
      // SQLite gets the result's UTF-8 bytes (a blob) and stores them as text; Postgres gets the string.
      result_json: sql<string>`cast(${param("resultJson")} as text)`,
      answers_json: param("answersJson"),
      created_at: param("createdAt"),
    })
    // The variant or the key was taken by a concurrent request: nothing is written for this one.
    .onConflict((oc) => oc.doNothing()),
);
const markSubmitted = prepare<Database, never>((db) => db.updateTable("quiz_variants").set({ status: "submitted" }).where("id", "=", param<string>("id")));

/** Each question's response and result for analytics, as quiz_attempts.answers_json stores them. */
function storedAnswers(graded: Graded): string {
  const answers: StoredAnswer[] = graded.questions.map((g) => ({
    questionId: g.result.questionId,
    status: g.result.status,
    points: g.result.points,
    maxPoints: g.result.maxPoints,
    choiceIds: g.choiceIds,
    response: g.response,
  }));
  return JSON.stringify(answers);
}

/** Grades and stores one submission. The same Idempotency-Key again returns the stored result and stores nothing. */
export async function submitAttempt(
  deps: Deps,
  args: { quiz: QuizDef; learnerId: string; idempotencyKey: string; body: { variantId: string; answers: Record<string, unknown> } },
): Promise<SubmitOutcome> {
  const { db, committer } = deps;
  const { quiz, learnerId, idempotencyKey: key, body } = args;
  const hash = requestHash(quiz.id, body);
  const variant = (await submittedVariant(db, { id: body.variantId, learnerId, quizId: quiz.id })).rows[0];
  const stale = (): SubmitOutcome => ({ kind: "conflict", status: 409, code: "variant_already_submitted", message: "This variant has already been graded; load the quiz again for a new one.", field: "variantId" });
  if (!variant) {
    return (await replay(db, quiz, learnerId, key, hash)) ?? { kind: "conflict", status: 409, code: "variant_not_found", message: "No such variant of this quiz for you; load the quiz again.", field: "variantId" };
  }
  if (variant.status === "submitted") return (await replay(db, quiz, learnerId, key, hash)) ?? stale();

  const v = instantiate(quiz, variant.seed);
  const checked = validateAnswers(v, body.answers);
  if (!checked.ok) return { kind: "invalid", invalid: checked.invalid };
  const row = gradedRow(v, checked.parsed, { quiz, variant, learnerId, key, hash });
  // Only `row` — the result as UTF-8 bytes (off V8's heap), the answers' JSON and a few scalars — lives on
  // while the attempt waits for its group commit: a hundred attempts wait at any time, and what they hold on
  // the heap is what every young-generation GC must copy (decision 071).
  const resultJson = isPostgres(db) ? row.resultBytes.toString("utf8") : row.resultBytes;
  const stored = await committer.run(async (trx) => {
    const ins = await insertAttempt(trx, { ...row, resultJson });
    if (Number(ins.numAffectedRows ?? 0) === 0) return false;
    await markSubmitted(trx, { id: row.variantId });
    return true;
  });
  if (!stored) return (await replay(db, quiz, learnerId, key, hash)) ?? stale();
  return gradedOutcome(row.resultBytes);
}

/** Grades a valid submission into the attempt row to store; `resultBytes` is the response's JSON in UTF-8. */
function gradedRow(
  v: ReturnType<typeof instantiate>,
  parsed: Extract<ReturnType<typeof validateAnswers>, { ok: true }>["parsed"],
  a: { quiz: QuizDef; variant: QuizVariantRow; learnerId: string; key: string; hash: string },
) {
  const graded = gradeVariant(v, parsed);
  const id = uuidv7();
  const createdAt = new Date().toISOString();
  // The response as sent, budget included (decision 034): the stored bytes are then the 201's body as they are.
  // Whoever reads a stored result recomputes the budget (withBudget), which overwrites these two fields in place.
  const result: AttemptResponse = {
    attemptId: id,
    quizId: a.quiz.id,
    attemptNumber: a.variant.attempt_number,
    seed: a.variant.seed,
    score: graded.score,
    maxScore: graded.maxScore,
    percent: graded.maxScore === 0 ? 0 : Math.round((graded.score / graded.maxScore) * 1000) / 10,
    submittedAt: createdAt,
    questions: graded.questions.map((g) => g.result),
    ...budgetAfter(a.quiz, a.variant.attempt_number),
  };
  return {
    id,
    learnerId: a.learnerId,
    quizId: a.quiz.id,
    variantId: a.variant.id,
    seed: a.variant.seed,
    attemptNumber: a.variant.attempt_number,
    key: a.key,
    hash: a.hash,
    score: graded.score,
    maxScore: graded.maxScore,
    resultBytes: Buffer.from(JSON.stringify(result), "utf8"),
    answersJson: storedAnswers(graded),
    createdAt,
  };
}

/** A new attempt's outcome from its stored bytes, which are the response: no second serialisation and no copy
 * (serialising the result again was a tenth of an attempt's CPU). `attempt` is parsed only when read (when an
 * assignment's rules hide answers, or by tests). */
function gradedOutcome(resultBytes: Buffer): SubmitOutcome {
  let attempt: AttemptResponse | undefined;
  return {
    kind: "graded",
    replayed: false,
    responseBytes: resultBytes,
    get attempt() {
      return (attempt ??= JSON.parse(resultBytes.toString("utf8")) as AttemptResponse);
    },
  };
}

/** The learner's graded attempts at a quiz, oldest first. */
export async function listAttempts(db: Kysely<Database>, learnerId: string, quiz: QuizDef): Promise<AttemptResponse[]> {
  const rows = await db
    .selectFrom("quiz_attempts")
    .select("result_json")
    .where("learner_id", "=", learnerId)
    .where("quiz_id", "=", quiz.id)
    .orderBy("attempt_number", "asc")
    .execute();
  return rows.map((r) => withBudget(quiz, JSON.parse(r.result_json) as AttemptResult));
}
