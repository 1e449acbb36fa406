// GET /api/me: the signed-in user (or null) for the account menu. It also points the learner cookie at
// the account's learner when a signed-in browser lost it, so quiz attempts land in the account.
import type { NextRequest } from "next/server";
import { handle, json } from "@/lib/auth/http.server";
import { linkLearnerToUser } from "@/lib/auth/link-learner.server";
import { LEARNER_COOKIE, LEARNER_COOKIE_MAX_AGE, signLearnerId, verifyLearnerCookie } from "@/lib/quiz/learner.server";

export async function GET(req: NextRequest) {
  return handle(req, { auth: "any" }, async ({ ctx, user }) => {
    const res = json({ user });
    if (user) {
      const fromCookie = verifyLearnerCookie(req.cookies.get(LEARNER_COOKIE)?.value, ctx.learnerSecret);
      const { learnerId } = await linkLearnerToUser(ctx.db, user.id, fromCookie);
      if (learnerId !== fromCookie) {
        const secure = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
        res.cookies.set(LEARNER_COOKIE, signLearnerId(learnerId, ctx.learnerSecret), { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: LEARNER_COOKIE_MAX_AGE });
      }
    }
    return res;
  });
}
