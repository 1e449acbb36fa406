// GET /api/me/assignments: the signed-in learner's assignments with due dates, status and scores.
import { handle, json } from "@/lib/auth/http.server";
import { myAssignments } from "@/lib/classes/assignments.server";

export async function GET(req: Request) {
  return handle(req, { auth: "user" }, async ({ ctx, user }) => json({ assignments: await myAssignments(ctx.db, user!) }));
}
