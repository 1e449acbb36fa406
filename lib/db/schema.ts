// Table types for Kysely. Timestamps are ISO-8601 strings; JSON columns are text holding JSON.
import type { Insertable, Selectable } from "kysely";
import type { ClassesDatabase } from "./schema-classes";

/** An anonymous or signed-in learner; user_id links an account once the learner signs in. */
export type LearnersTable = {
  id: string;
  created_at: string;
  user_id: string | null;
};

/** Secrets generated once and kept across restarts (e.g. the learner-cookie HMAC key). */
export type AppSecretsTable = {
  name: string;
  value: string;
  created_at: string;
};

/** The variant a learner is shown for one attempt; its seed fixes the parameters and option order. */
export type QuizVariantsTable = {
  id: string;
  learner_id: string;
  quiz_id: string;
  attempt_number: number;
  seed: number;
  status: "open" | "submitted";
  created_at: string;
};

/** One graded submission (a variant is submitted at most once). */
export type QuizAttemptsTable = {
  id: string;
  learner_id: string;
  quiz_id: string;
  variant_id: string;
  seed: number;
  attempt_number: number;
  idempotency_key: string;
  request_hash: string;
  score: number;
  max_score: number;
  /** The full graded response sent to the learner, JSON. */
  result_json: string;
  /** StoredAnswer[] as JSON: each question's response and result, in question order. */
  answers_json: string;
  created_at: string;
};

/** One question's response and result, as stored in `quiz_attempts.answers_json` (an array in question
 * order) for analytics such as the most-chosen wrong option (docs/decisions/066-answers-in-the-attempt-row.md). */
export type StoredAnswer = {
  questionId: string;
  status: "correct" | "partial" | "incorrect";
  points: number;
  maxPoints: number;
  /** The author's ids of the options chosen, in shown order (for true/false: the value, then the reason's id). */
  choiceIds: string[];
  /** The learner's response as validated. */
  response: unknown;
};

export type Database = {
  learners: LearnersTable;
  app_secrets: AppSecretsTable;
  quiz_variants: QuizVariantsTable;
  quiz_attempts: QuizAttemptsTable;
} & ClassesDatabase;

export type Learner = Selectable<LearnersTable>;
export type QuizVariantRow = Selectable<QuizVariantsTable>;
export type QuizAttemptRow = Selectable<QuizAttemptsTable>;
export type NewQuizAttempt = Insertable<QuizAttemptsTable>;
