// The JSON edge of the accounts and classes API: errors in the house shape, CSRF on unsafe methods,
// the signed-in user, and bodies parsed with zod so a bad field is named.
import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { UserRole } from "@/lib/db/schema-classes";
import { appContext, type AppContext } from "./context.server";
import { isSameOriginRequest } from "./csrf.server";
import { HttpError } from "./errors";

const MAX_BODY_BYTES = 32 * 1024;

export type SessionUser = { id: string; name: string; email: string; role: UserRole };

export { HttpError };

/** A private, uncached JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function apiError(status: number, code: string, message: string, field?: string): NextResponse {
  return json({ error: field ? { code, message, field } : { code, message } }, status);
}

/** The signed-in user for a request, or null. */
export async function sessionUser(ctx: AppContext, headers: Headers): Promise<SessionUser | null> {
  const s = await ctx.auth.api.getSession({ headers });
  if (!s) return null;
  const role = (s.user as { role?: string }).role === "instructor" ? "instructor" : "learner";
  return { id: s.user.id, name: s.user.name, email: s.user.email, role };
}

type Handler = (args: { ctx: AppContext; req: Request; user: SessionUser | null }) => Promise<NextResponse>;
type Options = { auth?: "any" | "user" | "instructor" };

/** Wraps a route: CSRF for unsafe methods, the session, the required role, and errors as 4xx JSON. */
export async function handle(req: Request, options: Options, handler: Handler): Promise<NextResponse> {
  try {
    if (!["GET", "HEAD", "OPTIONS"].includes(req.method) && !isSameOriginRequest(req)) {
      throw new HttpError(403, "cross_site", "This request came from another site and was refused.");
    }
    const ctx = await appContext();
    const user = await sessionUser(ctx, req.headers);
    const need = options.auth ?? "user";
    if (need !== "any" && !user) throw new HttpError(401, "unauthenticated", "Sign in first.");
    if (need === "instructor" && user?.role !== "instructor") throw new HttpError(403, "forbidden", "Only instructors can do this.");
    return await handler({ ctx, req, user });
  } catch (err) {
    if (err instanceof HttpError) return apiError(err.status, err.code, err.message, err.field);
    console.error("classes API error", err);
    return apiError(500, "internal", "Something went wrong on our side; nothing was changed. Try again.");
  }
}

/** Reads a JSON body (≤ 32 KB) and validates it; a failure names the field. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new HttpError(413, "body_too_large", "The request body is too large.", "body");
  let data: unknown;
  try {
    data = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.", "body");
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const field = [...issue.path, ...keys.slice(0, 1)].map(String).join(".") || "body";
    throw new HttpError(400, "invalid_input", issue.code === "unrecognized_keys" ? `Unknown field “${field}”.` : issue.message, field);
  }
  return r.data;
}
