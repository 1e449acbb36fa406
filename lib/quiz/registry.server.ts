// Looks quizzes up by id (content/quizzes is the only source).
import "server-only";
import { QUIZZES } from "@/content/quizzes/index.server";
import type { QuizDef } from "./define";

const byId = new Map(QUIZZES.map((q) => [q.id, q]));

/** The quiz with this id, or undefined. */
export function getQuiz(id: string): QuizDef | undefined {
  return byId.get(id);
}

/** Every quiz id (for tests and static params). */
export function quizIds(): string[] {
  return [...byId.keys()];
}
