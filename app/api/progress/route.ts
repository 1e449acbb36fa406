// GET /api/progress: lesson progress kept with the account. PUT { lessons }: merge the browser's into it.
import { handle, json, parseBody } from "@/lib/auth/http.server";
import { getProgress, mergeProgress } from "@/lib/classes/progress.server";
import { progressInput } from "@/lib/classes/schemas";

export async function GET(req: Request) {
  return handle(req, { auth: "user" }, async ({ ctx, user }) => json(await getProgress(ctx.db, user!)));
}

export async function PUT(req: Request) {
  return handle(req, { auth: "user" }, async ({ ctx, user }) => json(await mergeProgress(ctx.db, user!, await parseBody(req, progressInput))));
}
