// GET /api/classes: an instructor's classes, or the classes a learner has joined. POST: create a class.
import { handle, json, parseBody } from "@/lib/auth/http.server";
import { createClass, listJoinedClasses, listTeachingClasses } from "@/lib/classes/classes.server";
import { classInput } from "@/lib/classes/schemas";

export async function GET(req: Request) {
  return handle(req, { auth: "user" }, async ({ ctx, user }) =>
    json({ classes: user!.role === "instructor" ? await listTeachingClasses(ctx.db, user!) : await listJoinedClasses(ctx.db, user!) }),
  );
}

export async function POST(req: Request) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => json({ class: await createClass(ctx.db, user!, await parseBody(req, classInput)) }, 201));
}
