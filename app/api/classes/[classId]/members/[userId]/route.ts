// DELETE /api/classes/:classId/members/:userId: remove a learner from the class (its instructor only).
import { handle, json } from "@/lib/auth/http.server";
import { removeMember } from "@/lib/classes/classes.server";

type Ctx = { params: Promise<{ classId: string; userId: string }> };

export async function DELETE(req: Request, { params }: Ctx) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => {
    const { classId, userId } = await params;
    await removeMember(ctx.db, user!, classId, userId);
    return json({ removed: userId });
  });
}
