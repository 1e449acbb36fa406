// POST /api/quizzes/:id/attempts grades a submission on the server and stores it (Idempotency-Key
// required; a retry with the same key returns the stored result). GET lists this learner's attempts.
// In production scripts/server.mjs answers the POST itself through the same postAttempt (decision 063);
// this handler serves it under `next dev` and anywhere Next runs alone.
import { NextResponse, type NextRequest } from "next/server";
import { bodyBytes, postAttempt } from "@/lib/quiz/attempt-endpoint.server";
import { quizContext } from "@/lib/quiz/context.server";
import { HttpError, json, learnerFrom, readBody, withErrors } from "@/lib/quiz/http.server";
import { getQuiz } from "@/lib/quiz/registry.server";
import { listAttempts } from "@/lib/quiz/service.server";
import { applyAnswerRelease, resolveAttemptPolicy } from "@/lib/classes/assignment-rules.server";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(req: NextRequest, ctx: Ctx) {
  return withErrors(async () => {
    const { id } = await ctx.params;
    const quiz = getQuiz(id);
    if (!quiz) throw new HttpError(404, "quiz_not_found", `There is no quiz “${id}”.`, "id");
    const { db, secret } = await quizContext();
    const learnerId = learnerFrom(req, secret);
    // A class assignment may hold answers back until its due date (lib/classes/assignment-rules.server).
    const policy = learnerId ? await resolveAttemptPolicy(db, learnerId, quiz.id) : null;
    return json({ quizId: quiz.id, attempts: learnerId ? (await listAttempts(db, learnerId, quiz)).map((a) => applyAnswerRelease(a, policy)) : [] });
  });
}

export async function POST(req: NextRequest, ctx: Ctx) {
  const { id } = await ctx.params;
  const h = req.headers;
  const out = await postAttempt({
    quizId: id,
    headers: { contentType: h.get("content-type"), contentLength: h.get("content-length"), idempotencyKey: h.get("idempotency-key"), cookie: h.get("cookie") },
    body: () => readBody(req),
  });
  // What NextResponse.json(out.body) would send, from the JSON postAttempt already made.
  return new NextResponse(bodyBytes(out), { status: out.status, headers: { ...out.headers, "content-type": "application/json" } });
}
