// How a learner stands on one assignment: which attempts count (opened, within the attempt limit, late
// ones only when the late policy accepts them, with the penalty), the score by the grading method, and
// the status shown to learner and instructor. Pure; shared by "My assignments" and the gradebook.
import type { AssignmentRow } from "@/lib/db/schema-classes";

export type AssignmentRules = Pick<AssignmentRow, "open_at" | "due_at" | "max_attempts" | "grading" | "late_policy" | "late_penalty_pct">;
export type Status = "not_started" | "in_progress" | "done" | "late";
export type AttemptLite = { id: string; createdAt: string; score: number; maxScore: number };
export type Standing = {
  status: Status;
  /** 0–100 after any late penalty, rounded to 0.1; null when nothing counts yet. */
  percent: number | null;
  /** Attempts that count toward the assignment. */
  attempts: number;
  /** The attempt whose score is the grade (its answers feed the per-question analytics). */
  gradedAttemptId: string | null;
};

export const STATUS_LABEL: Record<Status, string> = { not_started: "Not started", in_progress: "In progress", done: "Done", late: "Late" };

const t = (iso: string) => Date.parse(iso);
/** Percent rounded to one decimal, the form shown on the page and written to the CSV. */
export const roundPercent = (x: number) => Math.round(x * 10) / 10;

/** Attempts that count, in time order, each with its (penalised) percent and lateness. */
export function countedAttempts(rules: AssignmentRules, attempts: AttemptLite[]): (AttemptLite & { percent: number; late: boolean })[] {
  const inWindow = attempts
    .filter((a) => t(a.createdAt) >= t(rules.open_at))
    .sort((a, b) => t(a.createdAt) - t(b.createdAt) || a.id.localeCompare(b.id))
    .map((a) => ({ ...a, late: t(a.createdAt) > t(rules.due_at) }))
    .filter((a) => !a.late || rules.late_policy === "penalty");
  const limited = rules.max_attempts === null ? inWindow : inWindow.slice(0, rules.max_attempts);
  return limited.map((a) => {
    const raw = a.maxScore > 0 ? (100 * a.score) / a.maxScore : 0;
    return { ...a, percent: a.late ? raw * (1 - rules.late_penalty_pct / 100) : raw };
  });
}

/** A quiz assignment: `started` is true when the learner has an unsubmitted variant opened in the window. */
export function quizStanding(rules: AssignmentRules, attempts: AttemptLite[], started: boolean): Standing {
  const counted = countedAttempts(rules, attempts);
  if (counted.length === 0) return { status: started ? "in_progress" : "not_started", percent: null, attempts: 0, gradedAttemptId: null };
  const graded = rules.grading === "latest" ? counted[counted.length - 1] : counted.reduce((best, a) => (a.percent > best.percent ? a : best));
  const status: Status = counted.every((a) => a.late) ? "late" : "done";
  return { status, percent: roundPercent(graded.percent), attempts: counted.length, gradedAttemptId: graded.id };
}

/** A lesson assignment: done when completed by the due date; late (with the penalty) after it. */
export function lessonStanding(rules: AssignmentRules, progress: { completedAt: string | null } | undefined): Standing {
  const done = progress?.completedAt ?? null;
  if (!done) return { status: progress ? "in_progress" : "not_started", percent: null, attempts: 0, gradedAttemptId: null };
  const late = t(done) > t(rules.due_at);
  if (late && rules.late_policy === "closed") return { status: "in_progress", percent: null, attempts: 0, gradedAttemptId: null };
  return { status: late ? "late" : "done", percent: late ? roundPercent(100 - rules.late_penalty_pct) : 100, attempts: 1, gradedAttemptId: null };
}
