// DELETE /api/classes/:classId/assignments/:assignmentId (its instructor only). Attempts are kept.
import { handle, json } from "@/lib/auth/http.server";
import { deleteAssignment } from "@/lib/classes/assignments.server";

type Ctx = { params: Promise<{ classId: string; assignmentId: string }> };

export async function DELETE(req: Request, { params }: Ctx) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => {
    const { classId, assignmentId } = await params;
    await deleteAssignment(ctx.db, user!, classId, assignmentId);
    return json({ deleted: assignmentId });
  });
}
