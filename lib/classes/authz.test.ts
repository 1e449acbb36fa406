// The authorization matrix: anonymous, learner A (in X's class), learner B (in Y's class), instructor X and
// instructor Y × every classes/accounts route, through the real route handlers and real sessions, on SQLite
// and Postgres. Also: every state-changing route refuses a cross-site request and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { TEST_DIALECTS } from "@/lib/db/test-databases";
import { Client, openTestApp, type TestApp } from "@/lib/auth/test-app";
import * as classes from "@/app/api/classes/route";
import * as join from "@/app/api/classes/join/route";
import * as one from "@/app/api/classes/[classId]/route";
import * as code from "@/app/api/classes/[classId]/code/route";
import * as member from "@/app/api/classes/[classId]/members/[userId]/route";
import * as assignments from "@/app/api/classes/[classId]/assignments/route";
import * as assignment from "@/app/api/classes/[classId]/assignments/[assignmentId]/route";
import * as book from "@/app/api/classes/[classId]/gradebook/route";
import * as csv from "@/app/api/classes/[classId]/gradebook/csv/route";
import * as myAssignments from "@/app/api/me/assignments/route";
import * as me from "@/app/api/me/route";
import * as progress from "@/app/api/progress/route";

type Actor = "anon" | "A" | "B" | "X" | "Y";
const ACTORS: Actor[] = ["anon", "A", "B", "X", "Y"];
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(TEST_DIALECTS)("authorization on %s", (dialect) => {
  let app: TestApp;
  const c: Record<Actor, Client> = { anon: new Client(), A: new Client("Ann"), B: new Client("Ben"), X: new Client("Xia"), Y: new Client("Yuri") };
  const ids = { cx: "", cy: "", codeX: "", codeY: "", userA: "", userB: "" };

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers have differing context types
  const call = async (h: (req: any, ctx: any) => Promise<Response>, who: Actor, method: string, path: string, params: Record<string, string> = {}, body?: unknown, headers?: Record<string, string>) => {
    const req = new NextRequest(c[who].request(path, { method, body, headers }));
    return c[who].absorb(await h(req, { params: Promise.resolve(params) }));
  };

  beforeAll(async () => {
    app = await openTestApp(dialect);
    await c.X.signUp(app.ctx, `x-${dialect}@example.com`, "instructor");
    await c.Y.signUp(app.ctx, `y-${dialect}@example.com`, "instructor");
    await c.A.signUp(app.ctx, `a-${dialect}@example.com`, "learner");
    await c.B.signUp(app.ctx, `b-${dialect}@example.com`, "learner");
    const mk = async (who: Actor) => (await (await call(classes.POST, who, "POST", "/api/classes", {}, { name: `${who}'s class`, term: "Autumn" })).json()).class;
    const x = await mk("X");
    const y = await mk("Y");
    Object.assign(ids, { cx: x.id, cy: y.id, codeX: x.joinCode, codeY: y.joinCode });
    expect((await call(join.POST, "A", "POST", "/api/classes/join", {}, { code: ids.codeX })).status).toBe(200);
    expect((await call(join.POST, "B", "POST", "/api/classes/join", {}, { code: ids.codeY.toLowerCase().replace("-", " ") })).status).toBe(200);
    const users = await app.t.db.selectFrom("users").select(["id", "email"]).execute();
    ids.userA = users.find((u) => u.email.startsWith("a-"))!.id;
    ids.userB = users.find((u) => u.email.startsWith("b-"))!.id;
    const assign = (who: Actor, classId: string) =>
      call(assignments.POST, who, "POST", `/api/classes/${classId}/assignments`, { classId }, { kind: "quiz", targetId: "is-relu-linear", dueAt: future(7), answersRelease: "after_due" });
    expect((await assign("X", ids.cx)).status).toBe(201);
    expect((await assign("Y", ids.cy)).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  const expectStatuses = async (run: (who: Actor) => Promise<Response>, want: Record<Actor, number>) => {
    const got: Partial<Record<Actor, number>> = {};
    for (const who of ACTORS) got[who] = (await run(who)).status;
    expect(got).toEqual(want);
  };

  it("GET /api/classes lists only one's own classes", async () => {
    await expectStatuses((w) => call(classes.GET, w, "GET", "/api/classes"), { anon: 401, A: 200, B: 200, X: 200, Y: 200 });
    const names = async (w: Actor) => ((await (await call(classes.GET, w, "GET", "/api/classes")).json()).classes as { id: string }[]).map((k) => k.id);
    expect(await names("A")).toEqual([ids.cx]);
    expect(await names("B")).toEqual([ids.cy]);
    expect(await names("X")).toEqual([ids.cx]);
    expect(await names("Y")).toEqual([ids.cy]);
    // A learner's view carries no join code.
    expect(JSON.stringify(await (await call(classes.GET, "A", "GET", "/api/classes")).json())).not.toContain(ids.codeX.replace("-", ""));
  });

  it("POST /api/classes: instructors only", async () => {
    await expectStatuses((w) => call(classes.POST, w, "POST", "/api/classes", {}, { name: "n", term: "t" }), { anon: 401, A: 403, B: 403, X: 201, Y: 201 });
  });

  it("GET /api/classes/:id (code and roster): its instructor only", async () => {
    await expectStatuses((w) => call(one.GET, w, "GET", `/api/classes/${ids.cx}`, { classId: ids.cx }), { anon: 401, A: 403, B: 403, X: 200, Y: 404 });
    const body = await (await call(one.GET, "X", "GET", `/api/classes/${ids.cx}`, { classId: ids.cx })).json();
    expect(body.roster.map((r: { userId: string }) => r.userId)).toEqual([ids.userA]);
  });

  it("POST /api/classes/:id/code rotates: its instructor only, and the old code stops working", async () => {
    await expectStatuses((w) => call(code.POST, w, "POST", `/api/classes/${ids.cx}/code`, { classId: ids.cx }), { anon: 401, A: 403, B: 403, X: 200, Y: 404 });
    const old = ids.codeX;
    ids.codeX = (await (await call(code.POST, "X", "POST", `/api/classes/${ids.cx}/code`, { classId: ids.cx })).json()).joinCode;
    expect(ids.codeX).not.toBe(old);
    expect((await call(join.GET, "B", "GET", `/api/classes/join?code=${old}`)).status).toBe(404);
    expect((await call(join.GET, "B", "GET", `/api/classes/join?code=${ids.codeX}`)).status).toBe(200);
  });

  it("GET /api/classes/:id/assignments: its instructor and its members", async () => {
    await expectStatuses((w) => call(assignments.GET, w, "GET", `/api/classes/${ids.cx}/assignments`, { classId: ids.cx }), { anon: 401, A: 200, B: 404, X: 200, Y: 404 });
  });

  it("POST /api/classes/:id/assignments: its instructor only", async () => {
    const body = { kind: "lesson", targetId: "relu", dueAt: future(3) };
    await expectStatuses((w) => call(assignments.POST, w, "POST", `/api/classes/${ids.cx}/assignments`, { classId: ids.cx }, body), { anon: 401, A: 403, B: 403, X: 201, Y: 404 });
  });

  it("DELETE /api/classes/:id/assignments/:aid: its instructor only", async () => {
    const target = async () => {
      const r = await call(assignments.POST, "X", "POST", `/api/classes/${ids.cx}/assignments`, { classId: ids.cx }, { kind: "lesson", targetId: "dead-relu-leaky-relu", dueAt: future(3) });
      if (r.status === 201) return (await r.json()).assignment.id as string;
      const list = (await (await call(assignments.GET, "X", "GET", "", { classId: ids.cx })).json()).assignments as { id: string; targetId: string }[];
      return list.find((a) => a.targetId === "dead-relu-leaky-relu")!.id;
    };
    await expectStatuses(
      async (w) => {
        const aid = await target();
        return call(assignment.DELETE, w, "DELETE", `/api/classes/${ids.cx}/assignments/${aid}`, { classId: ids.cx, assignmentId: aid });
      },
      { anon: 401, A: 403, B: 403, X: 200, Y: 404 },
    );
  });

  it("gradebook JSON and CSV: its instructor only", async () => {
    await expectStatuses((w) => call(book.GET, w, "GET", `/api/classes/${ids.cx}/gradebook`, { classId: ids.cx }), { anon: 401, A: 403, B: 403, X: 200, Y: 404 });
    await expectStatuses((w) => call(csv.GET, w, "GET", `/api/classes/${ids.cx}/gradebook/csv`, { classId: ids.cx }), { anon: 401, A: 403, B: 403, X: 200, Y: 404 });
  });

  it("DELETE /api/classes/:id/members/:uid: its instructor only", async () => {
    await expectStatuses(
      async (w) => {
        await app.t.db.insertInto("class_members").values({ class_id: ids.cx, user_id: ids.userA, joined_at: new Date().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
        return call(member.DELETE, w, "DELETE", `/api/classes/${ids.cx}/members/${ids.userA}`, { classId: ids.cx, userId: ids.userA });
      },
      { anon: 401, A: 403, B: 403, X: 200, Y: 404 },
    );
    expect((await call(member.DELETE, "X", "DELETE", "", { classId: ids.cx, userId: ids.userA })).status).toBe(200);
    expect((await call(member.DELETE, "X", "DELETE", "", { classId: ids.cx, userId: ids.userA })).status).toBe(404);
    expect((await call(assignments.GET, "A", "GET", "", { classId: ids.cx })).status).toBe(404);
    expect((await call(join.POST, "A", "POST", "/api/classes/join", {}, { code: ids.codeX })).status).toBe(200);
  });

  it("join: signed-in users may look a code up; only learners join", async () => {
    await expectStatuses((w) => call(join.GET, w, "GET", `/api/classes/join?code=${ids.codeY}`), { anon: 401, A: 200, B: 200, X: 200, Y: 200 });
    await expectStatuses((w) => call(join.POST, w, "POST", "/api/classes/join", {}, { code: ids.codeY }), { anon: 401, A: 200, B: 200, X: 403, Y: 403 });
    await app.t.db.deleteFrom("class_members").where("class_id", "=", ids.cy).where("user_id", "=", ids.userA).execute();
  });

  it("my assignments and progress are one's own", async () => {
    await expectStatuses((w) => call(myAssignments.GET, w, "GET", "/api/me/assignments"), { anon: 401, A: 200, B: 200, X: 200, Y: 200 });
    const classOf = async (w: Actor) => ((await (await call(myAssignments.GET, w, "GET", "/api/me/assignments")).json()).assignments as { classId: string }[]).map((a) => a.classId);
    expect(new Set(await classOf("A"))).toEqual(new Set([ids.cx]));
    expect(await classOf("B")).toEqual([ids.cy]);
    await expectStatuses((w) => call(progress.PUT, w, "PUT", "/api/progress", {}, { lessons: { relu: { completedAt: new Date().toISOString() } } }), { anon: 401, A: 200, B: 200, X: 200, Y: 200 });
    await app.t.db.deleteFrom("lesson_progress").where("user_id", "=", ids.userB).execute();
    expect(await (await call(progress.GET, "B", "GET", "/api/progress")).json()).toEqual({ lessons: {} });
    expect(Object.keys((await (await call(progress.GET, "A", "GET", "/api/progress")).json()).lessons)).toEqual(["relu"]);
    await expectStatuses((w) => call(me.GET, w, "GET", "/api/me"), { anon: 200, A: 200, B: 200, X: 200, Y: 200 });
  });

  it("every state-changing route refuses a cross-site request and changes nothing", async () => {
    const evil = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    const before = await app.t.db.selectFrom("classes").select(["id", "join_code"]).orderBy("id").execute();
    const members = await app.t.db.selectFrom("class_members").selectAll().orderBy("user_id").execute();
    const cases: [Response, string][] = [
      [await call(classes.POST, "X", "POST", "/api/classes", {}, { name: "csrf", term: "t" }, evil), "create class"],
      [await call(code.POST, "X", "POST", "", { classId: ids.cx }, undefined, evil), "rotate"],
      [await call(member.DELETE, "X", "DELETE", "", { classId: ids.cx, userId: ids.userA }, undefined, evil), "remove"],
      [await call(assignments.POST, "X", "POST", "", { classId: ids.cx }, { kind: "lesson", targetId: "is-relu-linear", dueAt: future(2) }, evil), "assign"],
      [await call(join.POST, "B", "POST", "", {}, { code: ids.codeX }, evil), "join"],
      [await call(progress.PUT, "B", "PUT", "", {}, { lessons: { relu: { completedAt: null } } }, evil), "progress"],
      [await call(classes.POST, "X", "POST", "", {}, { name: "csrf", term: "t" }, { origin: "https://evil.example", "sec-fetch-site": "" }), "Origin only (old browser)"],
    ];
    for (const [res, what] of cases) expect([what, res.status]).toEqual([what, 403]);
    expect(await app.t.db.selectFrom("classes").select(["id", "join_code"]).orderBy("id").execute()).toEqual(before);
    expect(await app.t.db.selectFrom("class_members").selectAll().orderBy("user_id").execute()).toEqual(members);
    expect(await app.t.db.selectFrom("lesson_progress").selectAll().where("user_id", "=", ids.userB).execute()).toEqual([]);
  });
});
