// The hook the quiz API calls: a quiz assigned to the learner's class brings the assignment's rules —
// open and due dates, attempts allowed, late policy, and when answers and explanations may be shown.
import "server-only";
import type { Kysely } from "kysely";
import { param, prepare } from "@/lib/db/prepared";
import type { Database } from "@/lib/db/schema";
import type { AssignmentRow } from "@/lib/db/schema-classes";
import type { AttemptResult, QuestionResult } from "@/lib/quiz/types";
import { countedAttempts } from "./standing";

export type AttemptPolicy = {
  assignmentId: string;
  classId: string;
  dueAt: string;
  /** null: no limit beyond the quiz's own. */
  maxAttempts: number | null;
  attemptsUsed: number;
  /** false with a code and message (403) when a new submission must be refused. */
  canSubmit: boolean;
  code?: "not_open_yet" | "closed" | "no_attempts_left";
  message?: string;
  /** Whether correct answers, feedback and explanations may be shown now. */
  revealAnswers: boolean;
  answersRelease: AssignmentRow["answers_release"];
  late: boolean;
};

const when = (iso: string) => new Date(iso).toUTCString().replace(/:\d\d GMT$/, " UTC");

/** Picks the assignment that governs: one open now, else the one due soonest ahead, else the latest due. */
function governing(rows: AssignmentRow[], now: number): AssignmentRow | undefined {
  const openNow = rows.filter((a) => Date.parse(a.open_at) <= now && (Date.parse(a.due_at) >= now || a.late_policy === "penalty"));
  const pool = openNow.length ? openNow : rows;
  return [...pool].sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at))[openNow.length ? 0 : pool.length - 1];
}

// Runs on every quiz submission (lib/db/prepared.ts).
const learnerUser = prepare<Database, { user_id: string | null }>((db) => db.selectFrom("learners").select("user_id").where("id", "=", param<string>("id")));

/** The rules for this learner on this quiz, or null when the quiz is not assigned to them (practice). */
export async function resolveAttemptPolicy(db: Kysely<Database>, learnerId: string, quizId: string, now = new Date()): Promise<AttemptPolicy | null> {
  const learner = (await learnerUser(db, { id: learnerId })).rows[0];
  if (!learner?.user_id) return null;
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("class_members as m", "m.class_id", "a.class_id")
    .selectAll("a")
    .where("m.user_id", "=", learner.user_id)
    .where("a.kind", "=", "quiz")
    .where("a.target_id", "=", quizId)
    .execute();
  const a = governing(rows, now.getTime());
  if (!a) return null;
  const attempts = await db
    .selectFrom("quiz_attempts as q")
    .innerJoin("learners as l", "l.id", "q.learner_id")
    .select(["q.id", "q.created_at", "q.score", "q.max_score"])
    .where("l.user_id", "=", learner.user_id)
    .where("q.quiz_id", "=", quizId)
    .execute();
  const used = countedAttempts(
    { ...a, max_attempts: null },
    attempts.map((x) => ({ id: x.id, createdAt: x.created_at, score: x.score, maxScore: x.max_score })),
  ).length;
  const t = now.getTime();
  const late = t > Date.parse(a.due_at);
  const base = { assignmentId: a.id, classId: a.class_id, dueAt: a.due_at, maxAttempts: a.max_attempts, attemptsUsed: used, late, answersRelease: a.answers_release };
  const reveal = a.answers_release === "immediately" || (a.answers_release === "after_due" && late);
  if (t < Date.parse(a.open_at)) return { ...base, canSubmit: false, code: "not_open_yet", message: `This assignment opens ${when(a.open_at)}.`, revealAnswers: reveal };
  if (late && a.late_policy === "closed") return { ...base, canSubmit: false, code: "closed", message: `This assignment closed ${when(a.due_at)}; late work is not accepted.`, revealAnswers: reveal };
  if (a.max_attempts !== null && used >= a.max_attempts) {
    return { ...base, canSubmit: false, code: "no_attempts_left", message: `You have used all ${a.max_attempts} attempts this assignment allows.`, revealAnswers: reveal };
  }
  return { ...base, canSubmit: true, revealAnswers: reveal };
}

function redactQuestion(q: QuestionResult): QuestionResult {
  // The learner keeps what they answered and whether it was right; the key and the teaching wait.
  const { correctOptionIds: _ids, ...rest } = q;
  void _ids;
  return { ...rest, correctAnswer: "", feedback: [], explanation: "" };
}

/** True when the policy shows answers and explanations now: applyAnswerRelease then returns its input as is. */
export function revealsAnswers(policy: AttemptPolicy | null): policy is null | (AttemptPolicy & { revealAnswers: true }) {
  return !policy || policy.revealAnswers;
}

/** A graded attempt with correct answers, feedback and explanations removed when the policy hides them. */
export function applyAnswerRelease<T extends AttemptResult>(result: T, policy: AttemptPolicy | null): T & { answersHidden?: { until: string | null } } {
  if (revealsAnswers(policy)) return result;
  return { ...result, questions: result.questions.map(redactQuestion), answersHidden: { until: policy.answersRelease === "after_due" ? policy.dueAt : null } };
}
