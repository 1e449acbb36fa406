// GET /api/quizzes/:id → this learner's current variant (no keys); sets the learner cookie on first visit.
import type { NextRequest } from "next/server";
import { quizContext } from "@/lib/quiz/context.server";
import { HttpError, json, learnerFrom, setLearnerCookie, withErrors } from "@/lib/quiz/http.server";
import { newLearnerId } from "@/lib/quiz/learner.server";
import { getQuiz } from "@/lib/quiz/registry.server";
import { loadQuizState } from "@/lib/quiz/service.server";
import { resolveAttemptPolicy } from "@/lib/classes/assignment-rules.server";

export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  return withErrors(async () => {
    const { id } = await ctx.params;
    const quiz = getQuiz(id);
    if (!quiz) throw new HttpError(404, "quiz_not_found", `There is no quiz “${id}”.`, "id");
    const { db, secret, committer } = await quizContext();
    const known = learnerFrom(req, secret);
    const learnerId = known ?? newLearnerId();
    const state = await loadQuizState(db, learnerId, quiz, committer);
    // A class assignment may allow fewer attempts than the quiz itself: show the learner the tighter limit.
    const policy = known ? await resolveAttemptPolicy(db, learnerId, quiz.id) : null;
    if (policy?.maxAttempts != null && (state.maxAttempts === null || policy.maxAttempts < state.maxAttempts)) {
      state.maxAttempts = policy.maxAttempts;
      state.attemptsRemaining = Math.max(0, policy.maxAttempts - state.attemptsUsed);
    }
    const res = json(state);
    if (!known) setLearnerCookie(res, req, learnerId, secret);
    return res;
  });
}
