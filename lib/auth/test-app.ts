// Test helper: a migrated database per dialect with the app context pointed at it, plus a browser-like
// client that signs up through better-auth's real handler and keeps its cookies.
import { openTestDb, type TestDb } from "@/lib/db/test-databases";
import type { DbDialect } from "@/lib/db/connect";
import { buildAppContext, setAppContextForTests, type AppContext } from "./context.server";

export const ORIGIN = "http://localhost:3000";

export type TestApp = { t: TestDb; ctx: AppContext; close: () => Promise<void> };

/** Opens a database and serves the route handlers from it. */
export async function openTestApp(dialect: DbDialect, env: Record<string, string> = {}): Promise<TestApp> {
  const t = await openTestDb(dialect);
  const ctx = await buildAppContext(t.db, { ...process.env, BETTER_AUTH_URL: ORIGIN, AUTH_RATE_LIMIT: "off", ...env } as NodeJS.ProcessEnv);
  setAppContextForTests(ctx);
  return {
    t,
    ctx,
    close: async () => {
      setAppContextForTests(undefined);
      await t.drop();
    },
  };
}

/** A cookie jar for one browser. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly name = "anonymous") {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** Builds a same-origin browser request carrying this client's cookies. */
  request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Request {
    const method = init.method ?? "GET";
    const headers: Record<string, string> = { host: new URL(ORIGIN).host, ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}) };
    if (method !== "GET") {
      headers.origin = ORIGIN;
      headers["sec-fetch-site"] = "same-origin";
      headers["content-type"] = "application/json";
    }
    // An override of "" removes a header (e.g. a browser that sends Origin but not Sec-Fetch-Site).
    const merged = Object.fromEntries(Object.entries({ ...headers, ...init.headers }).filter(([, v]) => v !== ""));
    return new Request(`${ORIGIN}${path}`, { method, headers: merged, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  }

  /** Keeps the Set-Cookie headers of a response (expired ones are dropped). */
  absorb(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async auth(ctx: AppContext, path: string, body: unknown): Promise<Response> {
    return this.absorb(await ctx.auth.handler(this.request(`/api/auth${path}`, { method: "POST", body })));
  }

  async signUp(ctx: AppContext, email: string, role: "instructor" | "learner", name = this.name): Promise<Response> {
    return this.auth(ctx, "/sign-up/email", { email, password: "correct horse battery", name, role });
  }
}
