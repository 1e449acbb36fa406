// For server pages (never the root layout or lesson pages, which stay static): the signed-in user, or a
// redirect to sign in that comes back here.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { appContext, type AppContext } from "./context.server";
import { sessionUser, type SessionUser } from "./http.server";

/** The context and the signed-in user; unsigned visitors are sent to sign in and back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<{ ctx: AppContext; user: SessionUser }> {
  const ctx = await appContext();
  const user = await sessionUser(ctx, await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return { ctx, user };
}
