// POST /api/classes/:classId/code: a new join code; the old one stops working.
import { handle, json } from "@/lib/auth/http.server";
import { rotateJoinCode } from "@/lib/classes/classes.server";

type Ctx = { params: Promise<{ classId: string }> };

export async function POST(req: Request, { params }: Ctx) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => json({ joinCode: await rotateJoinCode(ctx.db, user!, (await params).classId) }));
}
