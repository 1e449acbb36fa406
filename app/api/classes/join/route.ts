// GET /api/classes/join?code=…: which class a code opens (signed in). POST { code }: join it (learners).
import { handle, json, parseBody } from "@/lib/auth/http.server";
import { joinClass, previewJoin } from "@/lib/classes/classes.server";
import { joinInput } from "@/lib/classes/schemas";

export async function GET(req: Request) {
  return handle(req, { auth: "user" }, async ({ ctx, user }) => json({ class: await previewJoin(ctx.db, user!, new URL(req.url).searchParams.get("code") ?? "") }));
}

export async function POST(req: Request) {
  return handle(req, { auth: "user" }, async ({ ctx, user }) => json({ class: await joinClass(ctx.db, user!, (await parseBody(req, joinInput)).code) }));
}
