// GET /api/classes/:classId: the class with its join code and roster (its instructor only).
import { handle, json } from "@/lib/auth/http.server";
import { ownedClass, roster } from "@/lib/classes/classes.server";
import { formatJoinCode } from "@/lib/classes/join-code";

type Ctx = { params: Promise<{ classId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => {
    const { classId } = await params;
    const c = await ownedClass(ctx.db, user!, classId);
    return json({ class: { id: c.id, name: c.name, term: c.term, joinCode: formatJoinCode(c.join_code) }, roster: await roster(ctx.db, user!, classId) });
  });
}
