// Browser-side calls to the quiz API (the same server code grades for the UI and for API clients).
import type { ApiError, AttemptResult, QuizState } from "@/lib/quiz/types";

export type AttemptResponse = AttemptResult & { maxAttempts: number | null; attemptsRemaining: number | null };

export type Outcome<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

async function call<T>(url: string, init?: RequestInit): Promise<Outcome<T>> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin", cache: "no-store", ...init });
  } catch {
    return { ok: false, status: 0, error: { error: { code: "network", message: "Could not reach the server. Check your connection; your answers are kept — try again." } } };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.ok) return { ok: true, status: res.status, data: body as T };
  const error = body && typeof body === "object" && "error" in body ? (body as ApiError) : { error: { code: "http", message: `The server answered ${res.status}. Try again in a moment.` } };
  return { ok: false, status: res.status, error };
}

const base = (quizId: string) => `/api/quizzes/${encodeURIComponent(quizId)}`;

/** The learner's current variant and attempt budget. */
export function fetchQuizState(quizId: string): Promise<Outcome<QuizState>> {
  return call<QuizState>(base(quizId));
}

/** Submits answers; `key` must stay the same when the same submission is retried. */
export function submitAnswers(quizId: string, key: string, variantId: string, answers: Record<string, unknown>): Promise<Outcome<AttemptResponse>> {
  return call<AttemptResponse>(`${base(quizId)}/attempts`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify({ variantId, answers }),
  });
}

/** The learner's graded attempts, oldest first. */
export function fetchAttempts(quizId: string): Promise<Outcome<{ quizId: string; attempts: AttemptResponse[] }>> {
  return call(`${base(quizId)}/attempts`);
}
