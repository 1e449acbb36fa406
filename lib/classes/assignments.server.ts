// Assignments: an instructor assigns a quiz or lesson to a class with dates and rules; learners see
// their assignments with status and score.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { AnswersRelease, AssignmentKind, AssignmentRow, GradingMethod, LatePolicy } from "@/lib/db/schema-classes";
import { HttpError, notFound } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/http.server";
import { findItem } from "./catalog.server";
import { joinedClass, ownedClass } from "./classes.server";
import type { AssignmentInput } from "./schemas";
import { lessonStanding, quizStanding, type AttemptLite, type Standing } from "./standing";

type Db = Kysely<Database>;

export type AssignmentView = {
  id: string;
  classId: string;
  kind: AssignmentKind;
  targetId: string;
  title: string;
  href: string;
  openAt: string;
  dueAt: string;
  maxAttempts: number | null;
  grading: GradingMethod;
  latePolicy: LatePolicy;
  latePenaltyPct: number;
  answersRelease: AnswersRelease;
};

export const hrefFor = (kind: AssignmentKind, id: string) => (kind === "quiz" ? `/quizzes/${id}` : `/lessons/${id}`);

export async function toView(a: AssignmentRow): Promise<AssignmentView> {
  const item = await findItem(a.kind, a.target_id);
  return {
    id: a.id,
    classId: a.class_id,
    kind: a.kind,
    targetId: a.target_id,
    title: item?.title ?? `${a.target_id} (no longer available)`,
    href: hrefFor(a.kind, a.target_id),
    openAt: a.open_at,
    dueAt: a.due_at,
    maxAttempts: a.max_attempts,
    grading: a.grading,
    latePolicy: a.late_policy,
    latePenaltyPct: a.late_penalty_pct,
    answersRelease: a.answers_release,
  };
}

export async function createAssignment(db: Db, actor: SessionUser, classId: string, input: AssignmentInput, now = new Date()): Promise<AssignmentView> {
  await ownedClass(db, actor, classId);
  const item = await findItem(input.kind, input.targetId);
  if (!item) throw new HttpError(400, "unknown_target", `There is no ${input.kind} “${input.targetId}” to assign.`, "targetId");
  // The quiz engine stops at the quiz's own limit, so an assignment can only lower it.
  if (input.kind === "quiz" && item.maxAttempts !== null && input.maxAttempts !== null && input.maxAttempts > item.maxAttempts) {
    throw new HttpError(400, "too_many_attempts", `“${item.title}” allows at most ${item.maxAttempts} attempts; choose ${item.maxAttempts} or fewer.`, "maxAttempts");
  }
  const dueAt = new Date(input.dueAt);
  if (dueAt.getTime() <= now.getTime()) throw new HttpError(400, "due_in_past", "The due date has already passed; choose a date in the future.", "dueAt");
  const openAt = input.openAt ? new Date(input.openAt) : now;
  const row: AssignmentRow = {
    id: randomUUID(),
    class_id: classId,
    kind: input.kind,
    target_id: input.targetId,
    open_at: openAt.toISOString(),
    due_at: dueAt.toISOString(),
    max_attempts: input.kind === "quiz" ? input.maxAttempts : null,
    grading: input.grading,
    late_policy: input.latePolicy,
    late_penalty_pct: input.latePolicy === "penalty" ? input.latePenaltyPct : 0,
    answers_release: input.answersRelease,
    created_at: now.toISOString(),
  };
  const exists = await db.selectFrom("assignments").select("id").where("class_id", "=", classId).where("kind", "=", input.kind).where("target_id", "=", input.targetId).executeTakeFirst();
  if (exists) throw new HttpError(409, "already_assigned", `“${item.title}” is already assigned to this class; delete that assignment first to change it.`, "targetId");
  await db.insertInto("assignments").values(row).execute();
  return toView(row);
}

/** The class's assignments, for its instructor or a member. */
export async function listAssignments(db: Db, actor: SessionUser, classId: string): Promise<AssignmentView[]> {
  if (actor.role === "instructor") await ownedClass(db, actor, classId);
  else await joinedClass(db, actor, classId);
  const rows = await db.selectFrom("assignments").selectAll().where("class_id", "=", classId).orderBy("due_at").orderBy("id").execute();
  return Promise.all(rows.map(toView));
}

export async function deleteAssignment(db: Db, actor: SessionUser, classId: string, assignmentId: string): Promise<void> {
  await ownedClass(db, actor, classId);
  const r = await db.deleteFrom("assignments").where("id", "=", assignmentId).where("class_id", "=", classId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound("The assignment", "assignmentId");
}

/** Submitted attempts and open variants of the given users on the given quizzes, keyed by user. */
export async function quizActivity(db: Db, userIds: string[], quizIds: string[]) {
  const attempts = new Map<string, (AttemptLite & { quizId: string })[]>();
  const open = new Map<string, { quizId: string; createdAt: string }[]>();
  if (userIds.length === 0 || quizIds.length === 0) return { attempts, open };
  const rows = await db
    .selectFrom("quiz_attempts as a")
    .innerJoin("learners as l", "l.id", "a.learner_id")
    .select(["l.user_id", "a.id", "a.quiz_id", "a.created_at", "a.score", "a.max_score"])
    .where("l.user_id", "in", userIds)
    .where("a.quiz_id", "in", quizIds)
    .execute();
  for (const r of rows) {
    const list = attempts.get(r.user_id!) ?? [];
    list.push({ id: r.id, quizId: r.quiz_id, createdAt: r.created_at, score: r.score, maxScore: r.max_score });
    attempts.set(r.user_id!, list);
  }
  const variants = await db
    .selectFrom("quiz_variants as v")
    .innerJoin("learners as l", "l.id", "v.learner_id")
    .select(["l.user_id", "v.quiz_id", "v.created_at"])
    .where("l.user_id", "in", userIds)
    .where("v.quiz_id", "in", quizIds)
    .where("v.status", "=", "open")
    .execute();
  for (const v of variants) {
    const list = open.get(v.user_id!) ?? [];
    list.push({ quizId: v.quiz_id, createdAt: v.created_at });
    open.set(v.user_id!, list);
  }
  return { attempts, open };
}

/** Lesson progress of the given users, keyed by user then slug. */
export async function lessonActivity(db: Db, userIds: string[]) {
  const out = new Map<string, Map<string, { completedAt: string | null }>>();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom("lesson_progress").selectAll().where("user_id", "in", userIds).execute();
  for (const r of rows) {
    const m = out.get(r.user_id) ?? new Map();
    m.set(r.lesson_slug, { completedAt: r.completed_at });
    out.set(r.user_id, m);
  }
  return out;
}

type Activity = { quiz: Awaited<ReturnType<typeof quizActivity>>; lessons: Awaited<ReturnType<typeof lessonActivity>> };

/** One user's standing on one assignment. */
export function standingOf(a: AssignmentRow, userId: string, act: Activity): Standing {
  if (a.kind === "lesson") return lessonStanding(a, act.lessons.get(userId)?.get(a.target_id));
  const attempts = (act.quiz.attempts.get(userId) ?? []).filter((x) => x.quizId === a.target_id);
  const started = (act.quiz.open.get(userId) ?? []).some((v) => v.quizId === a.target_id && v.createdAt >= a.open_at);
  return quizStanding(a, attempts, started);
}

export type MyAssignment = AssignmentView & { className: string; standing: Standing; open: boolean; closed: boolean };

/** "My assignments": everything assigned in the learner's classes, soonest due first. */
export async function myAssignments(db: Db, actor: SessionUser, now = new Date()): Promise<MyAssignment[]> {
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("class_members as m", "m.class_id", "a.class_id")
    .innerJoin("classes as c", "c.id", "a.class_id")
    .selectAll("a")
    .select("c.name as class_name")
    .where("m.user_id", "=", actor.id)
    .orderBy("a.due_at")
    .orderBy("a.id")
    .execute();
  const quizIds = [...new Set(rows.filter((r) => r.kind === "quiz").map((r) => r.target_id))];
  const act = { quiz: await quizActivity(db, [actor.id], quizIds), lessons: await lessonActivity(db, [actor.id]) };
  return Promise.all(
    rows.map(async ({ class_name, ...a }) => ({
      ...(await toView(a)),
      className: class_name,
      standing: standingOf(a, actor.id, act),
      open: Date.parse(a.open_at) <= now.getTime(),
      closed: Date.parse(a.due_at) < now.getTime() && a.late_policy === "closed",
    })),
  );
}
