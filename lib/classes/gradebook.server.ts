// The gradebook: learners × assignments (status, score, attempts), each assignment's average, and per
// question the share answering correctly and the wrong answer most chosen — the class's misconception.
import "server-only";
import type { Kysely } from "kysely";
import type { Database, StoredAnswer } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/http.server";
import { formatNumber, parseNumber } from "@/lib/math/format";
import { text, type AnyQuestion, type ChoiceOption } from "@/lib/quiz/define";
import { getQuiz } from "@/lib/quiz/registry.server";
import { instantiate } from "@/lib/quiz/variant.server";
import { lessonActivity, quizActivity, standingOf, toView, type AssignmentView } from "./assignments.server";
import { ownedClass } from "./classes.server";
import { roundPercent, STATUS_LABEL, type Standing } from "./standing";

type Db = Kysely<Database>;

export type GradebookRow = { userId: string; name: string; email: string; cells: Standing[] };
export type AssignmentSummary = { assignmentId: string; average: number | null; completed: number; learners: number };
export type WrongAnswer = { answer: string; count: number; share: number };
export type QuestionStat = { questionId: string; number: number; prompt: string; answered: number; correct: number; shareCorrect: number | null; topWrong: WrongAnswer | null };
export type Gradebook = {
  classId: string;
  className: string;
  term: string;
  assignments: AssignmentView[];
  rows: GradebookRow[];
  summaries: AssignmentSummary[];
  questions: Record<string, QuestionStat[]>;
};

/** One stored answer with the seed of the attempt it belongs to. */
type AnswerRow = StoredAnswer & { seed: number };

/** The wrong answer in words, resolved with the parameters of the attempt's own variant. */
function describeAnswer(def: AnyQuestion, params: unknown, row: AnswerRow): string {
  const ids = row.choiceIds;
  const optionText = (options: ChoiceOption<unknown>[], id: string) => {
    const o = options.find((x) => x.id === id);
    return o ? text(o.text, params) : id;
  };
  if (def.type === "single" || def.type === "multiple") return ids.map((id) => optionText(def.options as ChoiceOption<unknown>[], id)).join("; ");
  if (def.type === "true-false") {
    const [value, because] = ids;
    return `${value === "true" ? "True" : "False"}, because ${optionText(def.because as ChoiceOption<unknown>[], because ?? "")}`;
  }
  const response = (row.response ?? {}) as { value?: string; values?: Record<string, string> };
  const num = (s: string | undefined) => {
    const x = s === undefined ? null : parseNumber(s);
    return x === null ? String(s ?? "") : formatNumber(x);
  };
  if (def.type === "numeric") return num(response.value);
  return Object.entries(response.values ?? {})
    .map(([k, v]) => `${k} = ${num(v)}`)
    .join(", ");
}

/** Per-question statistics over the graded attempt of each learner. */
async function questionStats(db: Db, quizId: string, attemptIds: string[]): Promise<QuestionStat[]> {
  const quiz = getQuiz(quizId);
  if (!quiz) return [];
  const attempts = attemptIds.length ? await db.selectFrom("quiz_attempts").select(["seed", "answers_json"]).where("id", "in", attemptIds).orderBy("created_at").orderBy("id").execute() : [];
  const rows: AnswerRow[] = attempts.flatMap((a) => (JSON.parse(a.answers_json) as StoredAnswer[]).map((x) => ({ ...x, seed: a.seed })));
  const firstSeed = rows[0]?.seed ?? 0;
  const variants = new Map<number, ReturnType<typeof instantiate>>();
  const variant = (seed: number) => {
    if (!variants.has(seed)) variants.set(seed, instantiate(quiz, seed));
    return variants.get(seed)!;
  };
  return quiz.questions.map((def, i) => {
    const mine = rows.filter((r) => r.questionId === def.id);
    const correct = mine.filter((r) => r.status === "correct").length;
    const wrong = new Map<string, number>();
    for (const r of mine.filter((x) => x.status !== "correct")) {
      const params = variant(r.seed).questions[i]?.params;
      const label = describeAnswer(def, params, r);
      wrong.set(label, (wrong.get(label) ?? 0) + 1);
    }
    // Most chosen first; ties broken alphabetically so the page and the CSV agree.
    const top = [...wrong].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const params = variant(firstSeed).questions[i]?.params;
    return {
      questionId: def.id,
      number: i + 1,
      prompt: text(def.prompt, params),
      answered: mine.length,
      correct,
      shareCorrect: mine.length ? roundPercent((100 * correct) / mine.length) : null,
      topWrong: top ? { answer: top[0], count: top[1], share: roundPercent((100 * top[1]) / mine.length) } : null,
    };
  });
}

export async function gradebook(db: Db, actor: SessionUser, classId: string): Promise<Gradebook> {
  const cls = await ownedClass(db, actor, classId);
  const assignmentRows = await db.selectFrom("assignments").selectAll().where("class_id", "=", classId).orderBy("due_at").orderBy("id").execute();
  const members = await db
    .selectFrom("class_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("m.class_id", "=", classId)
    .orderBy("u.name")
    .orderBy("u.email")
    .execute();
  const userIds = members.map((m) => m.id);
  const quizIds = [...new Set(assignmentRows.filter((a) => a.kind === "quiz").map((a) => a.target_id))];
  const act = { quiz: await quizActivity(db, userIds, quizIds), lessons: await lessonActivity(db, userIds) };
  const rows = members.map((m) => ({ userId: m.id, name: m.name, email: m.email, cells: assignmentRows.map((a) => standingOf(a, m.id, act)) }));
  const summaries = assignmentRows.map((a, j) => {
    const scores = rows.map((r) => r.cells[j].percent).filter((p): p is number => p !== null);
    return {
      assignmentId: a.id,
      average: scores.length ? roundPercent(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
      completed: rows.filter((r) => r.cells[j].status === "done" || r.cells[j].status === "late").length,
      learners: rows.length,
    };
  });
  const questions: Record<string, QuestionStat[]> = {};
  for (const [j, a] of assignmentRows.entries()) {
    if (a.kind !== "quiz") continue;
    const graded = rows.map((r) => r.cells[j].gradedAttemptId).filter((id): id is string => id !== null);
    questions[a.id] = await questionStats(db, a.target_id, graded);
  }
  return { classId, className: cls.name, term: cls.term, assignments: await Promise.all(assignmentRows.map(toView)), rows, summaries, questions };
}

/** The gradebook table as CSV rows: the same values, in the same order, as the page shows. */
export function gradebookTable(g: Gradebook): (string | number | null)[][] {
  const header = ["Learner", "Email", ...g.assignments.flatMap((a) => [`${a.title} score (%)`, `${a.title} status`])];
  const body = g.rows.map((r) => [r.name, r.email, ...r.cells.flatMap((c) => [c.percent, STATUS_LABEL[c.status]])]);
  return [header, ...body];
}
