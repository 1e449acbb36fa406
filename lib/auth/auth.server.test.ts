// better-auth through its real handler on both dialects: sign-up with a role, cookies, wrong password,
// Origin check, rate limit, and the anonymous learner's attempts moving into the account.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_DIALECTS } from "@/lib/db/test-databases";
import { signLearnerId } from "@/lib/quiz/learner.server";
import { GET as me } from "@/app/api/me/route";
import { NextRequest } from "next/server";
import { Client, openTestApp, ORIGIN, type TestApp } from "./test-app";
import { createAuth } from "./auth.server";

describe.each(TEST_DIALECTS)("accounts on %s", (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(dialect);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("signs up an instructor with an httpOnly, SameSite=Lax session cookie and reads the session back", async () => {
    const c = new Client("Ada");
    const res = await c.signUp(app.ctx, "ada@example.com", "instructor");
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((l) => l.startsWith("better-auth.session_token="));
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    const session = await app.ctx.auth.api.getSession({ headers: new Headers({ cookie: c.cookieHeader() }) });
    expect(session?.user).toMatchObject({ email: "ada@example.com", role: "instructor", name: "Ada" });
    const row = await app.t.db.selectFrom("users").select(["role", "email_verified"]).where("email", "=", "ada@example.com").executeTakeFirstOrThrow();
    expect(row.role).toBe("instructor");
    expect(Boolean(row.email_verified)).toBe(false);
  });

  it("marks the session cookie Secure (with the __Secure- prefix) when the site is served over https", async () => {
    const auth = createAuth({ db: app.t.db, secret: "y".repeat(32), learnerSecret: app.ctx.learnerSecret, env: { BETTER_AUTH_URL: "https://relu.example.org", AUTH_RATE_LIMIT: "off" } as unknown as NodeJS.ProcessEnv });
    const req = new Request("https://relu.example.org/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://relu.example.org" },
      body: JSON.stringify({ email: `secure-${dialect}@example.com`, password: "correct horse battery", name: "Sec" }),
    });
    const res = await auth.handler(req);
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((l) => l.includes("session_token="));
    expect(set).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(set).toMatch(/; Secure/i);
    expect(set).toMatch(/HttpOnly/i);
  });

  it("defaults to learner, refuses an unknown role and a role change", async () => {
    const c = new Client("Lin");
    expect((await c.signUp(app.ctx, "lin@example.com", "learner")).status).toBe(200);
    const bad = await new Client("Eve").auth(app.ctx, "/sign-up/email", { email: "eve@example.com", password: "correct horse battery", name: "Eve", role: "admin" });
    expect(bad.status).toBe(400);
    expect(await app.t.db.selectFrom("users").select("id").where("email", "=", "eve@example.com").executeTakeFirst()).toBeUndefined();
    const change = await c.auth(app.ctx, "/update-user", { role: "instructor" });
    expect(change.status).toBe(400);
    const row = await app.t.db.selectFrom("users").select("role").where("email", "=", "lin@example.com").executeTakeFirstOrThrow();
    expect(row.role).toBe("learner");
  });

  it("rejects a wrong password and a duplicate e-mail, and signs out", async () => {
    const c = new Client();
    expect((await c.auth(app.ctx, "/sign-in/email", { email: "ada@example.com", password: "wrong password!" })).status).toBe(401);
    expect((await c.signUp(app.ctx, "ada@example.com", "learner")).status).toBe(422);
    expect((await c.auth(app.ctx, "/sign-in/email", { email: "ada@example.com", password: "correct horse battery" })).status).toBe(200);
    expect(c.cookies.has("better-auth.session_token")).toBe(true);
    expect((await c.auth(app.ctx, "/sign-out", {})).status).toBe(200);
    expect(c.cookies.has("better-auth.session_token")).toBe(false);
  });

  it("refuses sign-up from another origin (CSRF)", async () => {
    const req = new Client().request("/api/auth/sign-up/email", {
      method: "POST",
      body: { email: "csrf@example.com", password: "correct horse battery", name: "X" },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    // better-auth logs the refused origin with console.error; that log is expected here.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await app.ctx.auth.handler(req);
    expect(res.status).toBe(403);
    expect(String(logged.mock.calls[0]?.[0] ?? "") + String(logged.mock.calls[0]?.[1] ?? "")).toMatch(/origin/i);
    logged.mockRestore();
    expect(await app.t.db.selectFrom("users").select("id").where("email", "=", "csrf@example.com").executeTakeFirst()).toBeUndefined();
  });

  it("rate-limits sign-in per client address", async () => {
    const auth = createAuth({ db: app.t.db, secret: "x".repeat(32), learnerSecret: app.ctx.learnerSecret, env: { BETTER_AUTH_URL: ORIGIN, AUTH_SIGN_IN_PER_MINUTE: "3" } as unknown as NodeJS.ProcessEnv });
    const attempt = (ip: string) =>
      auth.handler(new Client().request("/api/auth/sign-in/email", { method: "POST", body: { email: "ada@example.com", password: "nope nope nope" }, headers: { "x-forwarded-for": ip } }));
    const codes = [];
    // The limits live in the database (decision 070); each dialect still uses its own addresses.
    const net = dialect === "sqlite" ? "203.0.113" : "198.51.100";
    for (let i = 0; i < 4; i++) codes.push((await attempt(`${net}.7`)).status);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await attempt(`${net}.8`)).status).toBe(401);
    // The count is a row in the database (better-auth's own memory store would be one process's only) …
    expect(await app.t.db.selectFrom("rate_limits").select("count").where("key", "like", `%${net}.7%`).executeTakeFirst()).toEqual({ count: 3 });
    // … so another auth instance on the same database (another server process) refuses the address too.
    const other = createAuth({ db: app.t.db, secret: "x".repeat(32), learnerSecret: app.ctx.learnerSecret, env: { BETTER_AUTH_URL: ORIGIN, AUTH_SIGN_IN_PER_MINUTE: "3" } as unknown as NodeJS.ProcessEnv });
    expect((await other.handler(new Client().request("/api/auth/sign-in/email", { method: "POST", body: { email: "ada@example.com", password: "nope nope nope" }, headers: { "x-forwarded-for": `${net}.7` } }))).status).toBe(429);
  });

  it("limits sign-in attempts per account even when the client forges its address", async () => {
    const auth = createAuth({ db: app.t.db, secret: "x".repeat(32), learnerSecret: app.ctx.learnerSecret, env: { BETTER_AUTH_URL: ORIGIN, AUTH_SIGN_IN_PER_MINUTE: "1000", AUTH_SIGN_IN_PER_ACCOUNT: "3" } as unknown as NodeJS.ProcessEnv });
    const attempt = (i: number, password = "nope nope nope") =>
      auth.handler(new Client().request("/api/auth/sign-in/email", { method: "POST", body: { email: "Throttled@Example.com", password }, headers: { "x-forwarded-for": `192.0.2.${i}` } }));
    const codes = [];
    for (let i = 1; i <= 4; i++) codes.push((await attempt(i)).status);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await attempt(5, "correct horse battery")).status).toBe(429);
    // The count is in the database, so a second auth instance (another server process) sees it too.
    const other = createAuth({ db: app.t.db, secret: "x".repeat(32), learnerSecret: app.ctx.learnerSecret, env: { BETTER_AUTH_URL: ORIGIN, AUTH_SIGN_IN_PER_MINUTE: "1000", AUTH_SIGN_IN_PER_ACCOUNT: "3" } as unknown as NodeJS.ProcessEnv });
    const fromOther = await other.handler(new Client().request("/api/auth/sign-in/email", { method: "POST", body: { email: "throttled@example.com", password: "nope nope nope" }, headers: { "x-forwarded-for": "192.0.2.9" } }));
    expect(fromOther.status).toBe(429);
  });

  it("moves an anonymous learner's attempts into the account on sign-up, then on sign-in from another browser", async () => {
    const now = new Date().toISOString();
    const anon = async (id: string, attempts: number) => {
      await app.t.db.insertInto("learners").values({ id, created_at: now, user_id: null }).execute();
      for (let n = 1; n <= attempts; n++) {
        await app.t.db.insertInto("quiz_variants").values({ id: `${id}-v${n}`, learner_id: id, quiz_id: "is-relu-linear", attempt_number: n, seed: n, status: "submitted", created_at: now }).execute();
        await app.t.db
          .insertInto("quiz_attempts")
          .values({ id: `${id}-a${n}`, learner_id: id, quiz_id: "is-relu-linear", variant_id: `${id}-v${n}`, seed: n, attempt_number: n, idempotency_key: `${id}-k${n}`, request_hash: "h", score: n, max_score: 14, result_json: "{}", answers_json: "[]", created_at: now })
          .execute();
      }
      await app.t.db.insertInto("quiz_variants").values({ id: `${id}-open`, learner_id: id, quiz_id: "is-relu-linear", attempt_number: attempts + 1, seed: 9, status: "open", created_at: now }).execute();
    };
    await anon("anon-1", 1);
    const first = new Client("Mo");
    first.cookies.set("learner", signLearnerId("anon-1", app.ctx.learnerSecret));
    expect((await first.signUp(app.ctx, "mo@example.com", "learner")).status).toBe(200);
    const user = await app.t.db.selectFrom("users").select("id").where("email", "=", "mo@example.com").executeTakeFirstOrThrow();
    expect(await app.t.db.selectFrom("learners").select("user_id").where("id", "=", "anon-1").executeTakeFirstOrThrow()).toEqual({ user_id: user.id });

    await anon("anon-2", 2);
    const second = new Client();
    second.cookies.set("learner", signLearnerId("anon-2", app.ctx.learnerSecret));
    expect((await second.auth(app.ctx, "/sign-in/email", { email: "mo@example.com", password: "correct horse battery" })).status).toBe(200);
    expect(second.cookies.get("learner")).toBe(signLearnerId("anon-1", app.ctx.learnerSecret));
    const attempts = await app.t.db.selectFrom("quiz_attempts").select(["attempt_number", "score"]).where("learner_id", "=", "anon-1").orderBy("attempt_number").execute();
    expect(attempts).toEqual([
      { attempt_number: 1, score: 1 },
      { attempt_number: 2, score: 1 },
      { attempt_number: 3, score: 2 },
    ]);
    expect(await app.t.db.selectFrom("learners").select("id").where("id", "=", "anon-2").executeTakeFirst()).toBeUndefined();
    expect(await app.t.db.selectFrom("quiz_variants").select("id").where("status", "=", "open").where("learner_id", "=", "anon-1").execute()).toEqual([]);
  });

  it("GET /api/me returns the user and restores a lost learner cookie; null when signed out", async () => {
    const c = new Client();
    expect((await c.auth(app.ctx, "/sign-in/email", { email: "mo@example.com", password: "correct horse battery" })).status).toBe(200);
    c.cookies.delete("learner");
    const res = c.absorb(await me(new NextRequest(c.request("/api/me"))));
    expect(await res.json()).toMatchObject({ user: { email: "mo@example.com", role: "learner" } });
    expect(c.cookies.get("learner")).toBe(signLearnerId("anon-1", app.ctx.learnerSecret));
    const anonRes = await me(new NextRequest(new Client().request("/api/me")));
    expect(await anonRes.json()).toEqual({ user: null });
  });
});
