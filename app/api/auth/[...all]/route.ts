// better-auth's endpoints: /api/auth/sign-up/email, /sign-in/email, /sign-out, /get-session, …
import { appContext } from "@/lib/auth/context.server";

async function handler(req: Request): Promise<Response> {
  const { auth } = await appContext();
  return auth.handler(req);
}

export { handler as GET, handler as POST };
