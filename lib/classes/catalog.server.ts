// What an instructor can assign: every quiz (lib/quiz registry) and every lesson (content/lessons).
import "server-only";
import { getLessons } from "@/lib/content/lessons.server";
import { getQuiz, quizIds } from "@/lib/quiz/registry.server";
import type { AssignmentKind } from "@/lib/db/schema-classes";

/** `maxAttempts`: the quiz's own attempt limit (null: unlimited; lessons: null). */
export type CatalogItem = { kind: AssignmentKind; id: string; title: string; graded: boolean; maxAttempts: number | null };

// The course's lessons per the site contract, used if content/ is not shipped beside the server.
const FALLBACK_LESSONS = ["why-activation-functions", "sigmoid-vanishing-gradient", "relu", "dead-relu-leaky-relu", "is-relu-linear"];

let lessons: Promise<CatalogItem[]> | undefined;

function lessonItems(): Promise<CatalogItem[]> {
  lessons ??= getLessons()
    .then((ls) => ls.map((l) => ({ kind: "lesson" as const, id: l.slug, title: l.title, graded: false, maxAttempts: null })))
    .catch(() => FALLBACK_LESSONS.map((slug) => ({ kind: "lesson" as const, id: slug, title: slug.replace(/-/g, " "), graded: false, maxAttempts: null })));
  return lessons;
}

/** Quizzes (graded first) then lessons in course order. */
export async function catalog(): Promise<CatalogItem[]> {
  const quizzes = quizIds()
    .map((id) => getQuiz(id)!)
    .map((q) => ({ kind: "quiz" as const, id: q.id, title: q.title, graded: q.graded, maxAttempts: q.maxAttempts }))
    .sort((a, b) => Number(b.graded) - Number(a.graded));
  return [...quizzes, ...(await lessonItems())];
}

/** The item an assignment points at, or undefined when it no longer exists. */
export async function findItem(kind: AssignmentKind, id: string): Promise<CatalogItem | undefined> {
  return (await catalog()).find((i) => i.kind === kind && i.id === id);
}
