// GET /api/classes/:classId/assignments (instructor or member). POST: assign a quiz or lesson (instructor).
import { handle, json, parseBody } from "@/lib/auth/http.server";
import { createAssignment, listAssignments } from "@/lib/classes/assignments.server";
import { assignmentInput } from "@/lib/classes/schemas";

type Ctx = { params: Promise<{ classId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return handle(req, { auth: "user" }, async ({ ctx, user }) => json({ assignments: await listAssignments(ctx.db, user!, (await params).classId) }));
}

export async function POST(req: Request, { params }: Ctx) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => {
    const { classId } = await params;
    return json({ assignment: await createAssignment(ctx.db, user!, classId, await parseBody(req, assignmentInput)) }, 201);
  });
}
