// POST /api/quizzes/:id/attempts grades a submission on the server and stores it (Idempotency-Key
// required; a retry with the same key returns the stored result). GET lists this learner's attempts.
import type { NextRequest } from "next/server";
import { quizContext } from "@/lib/quiz/context.server";
import { apiError, HttpError, idempotencyKey, json, learnerFrom, parseSubmission, readBody, withErrors } from "@/lib/quiz/http.server";
import { getQuiz } from "@/lib/quiz/registry.server";
import { findReplay, listAttempts, submitAttempt } from "@/lib/quiz/service.server";
import { applyAnswerRelease, resolveAttemptPolicy } from "@/lib/classes/assignment-rules.server";

type Ctx = { params: Promise<{ id: string }> };

async function quizFrom(ctx: Ctx) {
  const { id } = await ctx.params;
  const quiz = getQuiz(id);
  if (!quiz) throw new HttpError(404, "quiz_not_found", `There is no quiz “${id}”.`, "id");
  return quiz;
}

export async function GET(req: NextRequest, ctx: Ctx) {
  return withErrors(async () => {
    const quiz = await quizFrom(ctx);
    const { db, secret } = await quizContext();
    const learnerId = learnerFrom(req, secret);
    // A class assignment may hold answers back until its due date (lib/classes/assignment-rules.server).
    const policy = learnerId ? await resolveAttemptPolicy(db, learnerId, quiz.id) : null;
    return json({ quizId: quiz.id, attempts: learnerId ? (await listAttempts(db, learnerId, quiz)).map((a) => applyAnswerRelease(a, policy)) : [] });
  });
}

export async function POST(req: NextRequest, ctx: Ctx) {
  return withErrors(async () => {
    const quiz = await quizFrom(ctx);
    const key = idempotencyKey(req);
    const type = req.headers.get("content-type");
    if (type && !/^application\/json\b/i.test(type)) throw new HttpError(415, "unsupported_media_type", "Send the answers as application/json.", "Content-Type");
    const body = parseSubmission(await readBody(req), quiz);
    const deps = await quizContext();
    const learnerId = learnerFrom(req, deps.secret);
    if (!learnerId) throw new HttpError(401, "no_learner", "Load the quiz first (GET /api/quizzes/:id): it identifies you with a cookie.", "cookie");
    // Assignment rules (open/due dates, late policy, attempts allowed, answer release) from the learner's class.
    const policy = await resolveAttemptPolicy(deps.db, learnerId, quiz.id);
    const args = { quiz, learnerId, idempotencyKey: key, body };
    // A retry of a submission that was stored before the assignment closed (its answer lost on the way) gets
    // the stored result, not a refusal: the learner did submit in time.
    const closed = policy && !policy.canSubmit;
    const out = (closed ? await findReplay(deps.db, args) : null) ?? (closed ? null : await submitAttempt(deps, args));
    if (!out) throw new HttpError(403, policy?.code ?? "assignment_closed", policy?.message ?? "This assignment does not accept attempts now.", "quizId");
    switch (out.kind) {
      case "graded": {
        const attempt = applyAnswerRelease(out.attempt, policy);
        return out.replayed ? json(attempt, 200, { "Idempotent-Replayed": "true" }) : json(attempt, 201);
      }
      case "invalid":
        return apiError(
          422,
          "invalid_answers",
          out.invalid.length === 1 ? `Question ${out.invalid[0].number}: ${out.invalid[0].message} Nothing was graded and no attempt was used.` : `${out.invalid.length} answers need fixing. Nothing was graded and no attempt was used.`,
          `answers.${out.invalid[0].questionId}`,
          out.invalid,
        );
      case "conflict":
        return apiError(out.status, out.code, out.message, out.field);
    }
  });
}
