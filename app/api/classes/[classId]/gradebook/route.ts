// GET /api/classes/:classId/gradebook: scores, statuses and per-question analytics (its instructor only).
import { handle, json } from "@/lib/auth/http.server";
import { gradebook } from "@/lib/classes/gradebook.server";

type Ctx = { params: Promise<{ classId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => json({ gradebook: await gradebook(ctx.db, user!, (await params).classId) }));
}
