// Classes end to end below the browser, on SQLite and Postgres: the demo seed fills a gradebook whose
// per-question analytics name the shared misconception; the CSV matches the table; bad input is refused
// with a named field and stores nothing; assignment rules gate attempts and hide answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { TEST_DIALECTS } from "@/lib/db/test-databases";
import { Client, openTestApp, type TestApp } from "@/lib/auth/test-app";
import type { SessionUser } from "@/lib/auth/http.server";
import * as classes from "@/app/api/classes/route";
import * as join from "@/app/api/classes/join/route";
import * as assignments from "@/app/api/classes/[classId]/assignments/route";
import * as csvRoute from "@/app/api/classes/[classId]/gradebook/csv/route";
import { seedDemo } from "./demo-seed.server";
import { gradebook, gradebookTable } from "./gradebook.server";
import { parseCsv } from "./csv";
import { applyAnswerRelease, resolveAttemptPolicy } from "./assignment-rules.server";
import { mergeProgress, getProgress } from "./progress.server";
import type { AttemptResult } from "@/lib/quiz/types";

describe.each(TEST_DIALECTS)("classes on %s", (dialect) => {
  let app: TestApp;
  let teacher: SessionUser;
  let classId: string;
  const x = new Client("X");

  beforeAll(async () => {
    app = await openTestApp(dialect);
    expect((await seedDemo(app.ctx)).seeded).toBe(true);
    expect((await seedDemo(app.ctx)).seeded).toBe(false);
    const u = await app.t.db.selectFrom("users").selectAll().where("email", "=", "instructor@example.com").executeTakeFirstOrThrow();
    teacher = { id: u.id, name: u.name, email: u.email, role: "instructor" };
    classId = (await app.t.db.selectFrom("classes").select("id").executeTakeFirstOrThrow()).id;
    await x.auth(app.ctx, "/sign-in/email", { email: "instructor@example.com", password: "relu-is-not-linear" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the seeded gradebook has both learners' scores and names the misconception", async () => {
    const g = await gradebook(app.t.db, teacher, classId);
    expect(g.rows.map((r) => r.name)).toEqual(["Ada Learner", "Ben Learner"]);
    const quizCol = g.assignments.findIndex((a) => a.targetId === "is-relu-linear");
    const [ada, ben] = g.rows.map((r) => r.cells[quizCol]);
    expect(ada.status).toBe("done");
    expect(ben.status).toBe("done");
    expect(ada.percent).toBeGreaterThan(ben.percent!);
    const q = g.questions[g.assignments[quizCol].id].find((s) => s.questionId === "irl-definition")!;
    expect(q).toMatchObject({ answered: 2, correct: 0, shareCorrect: 0, topWrong: { answer: "Its graph is made of straight-line pieces", count: 2, share: 100 } });
    const fine = g.questions[g.assignments[quizCol].id].find((s) => s.questionId === "irl-additivity-counterexample")!;
    expect(fine).toMatchObject({ answered: 2, correct: 2, shareCorrect: 100, topWrong: null });
    const lessonCol = g.assignments.findIndex((a) => a.targetId === "relu");
    expect(g.rows.map((r) => r.cells[lessonCol].status)).toEqual(["done", "not_started"]);
  });

  it("the CSV download equals the gradebook table, cell for cell", async () => {
    const res = await csvRoute.GET(new NextRequest(x.request(`/api/classes/${classId}/gradebook/csv`)), { params: Promise.resolve({ classId }) });
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="Neural-Networks-101-Demo-term-gradebook\.csv"/);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    expect(text.endsWith("\r\n")).toBe(true);
    const want = gradebookTable(await gradebook(app.t.db, teacher, classId)).map((r) => r.map((c) => (c === null ? "" : String(c))));
    expect(parseCsv(text)).toEqual(want);
  });

  it("names with HTML or formulas are stored as text and defused in the CSV", async () => {
    const evil = new Client("<img src=x onerror=alert(1)>");
    await evil.signUp(app.ctx, `evil-${dialect}@example.com`, "learner", "=HYPERLINK(\"http://evil\",\"x\")");
    const code = (await app.t.db.selectFrom("classes").select("join_code").where("id", "=", classId).executeTakeFirstOrThrow()).join_code;
    expect((await join.POST(new NextRequest(evil.request("/api/classes/join", { method: "POST", body: { code } })))).status).toBe(200);
    const res = await csvRoute.GET(new NextRequest(x.request("/x")), { params: Promise.resolve({ classId }) });
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    expect(rows.map((r) => r[0])).toContain(`'=HYPERLINK("http://evil","x")`);
    const created = await classes.POST(new NextRequest(x.request("/api/classes", { method: "POST", body: { name: "<script>alert(1)</script>", term: "@SUM(1)" } })));
    expect((await created.json()).class).toMatchObject({ name: "<script>alert(1)</script>", term: "@SUM(1)" });
  });

  it("bad input gets a clear message naming the field and stores nothing", async () => {
    const count = async () => Number((await app.t.db.selectFrom("assignments").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    const post = (body: unknown) => assignments.POST(new NextRequest(x.request(`/api/classes/${classId}/assignments`, { method: "POST", body })), { params: Promise.resolve({ classId }) });
    const cases: [unknown, number, string, RegExp][] = [
      [{ kind: "quiz", targetId: "no-such-quiz", dueAt: new Date(Date.now() + 1e8).toISOString() }, 400, "targetId", /no quiz/],
      [{ kind: "lesson", targetId: "sigmoid-vanishing-gradient", dueAt: "2020-01-01T00:00:00Z" }, 400, "dueAt", /already passed/],
      [{ kind: "lesson", targetId: "sigmoid-vanishing-gradient", dueAt: "next tuesday" }, 400, "dueAt", /date and time/],
      [{ kind: "lesson", targetId: "sigmoid-vanishing-gradient", dueAt: "2030-02-30T25:00:00Z" }, 400, "dueAt", /date and time/],
      [{ kind: "lesson", targetId: "sigmoid-vanishing-gradient", openAt: "2031-01-01T00:00:00Z", dueAt: "2030-01-01T00:00:00Z" }, 400, "dueAt", /after the open date/],
      [{ kind: "quiz", targetId: "is-relu-linear", dueAt: "2030-01-01T00:00:00Z", maxAttempts: 0 }, 400, "maxAttempts", /at least 1/],
      [{ kind: "quiz", targetId: "is-relu-linear", dueAt: "2030-01-01T00:00:00Z", maxAttempts: 5 }, 400, "maxAttempts", /at most 3 attempts/],
      [{ kind: "quiz", targetId: "is-relu-linear", dueAt: "2030-01-01T00:00:00Z" }, 409, "targetId", /already assigned/],
      [{ kind: "lesson", targetId: "relu", dueAt: "2030-01-01T00:00:00Z", extra: 1 }, 400, "extra", /Unknown field/],
    ];
    for (const [body, status, field, message] of cases) {
      const res = await post(body);
      const json = await res.json();
      expect([status, field]).toEqual([res.status, json.error.field]);
      expect(json.error.message).toMatch(message);
    }
    expect(await count()).toBe(before);
    const bad = await join.POST(new NextRequest(new Client().request("/api/classes/join", { method: "POST", body: { code: "NOPE-NOPE" } })));
    expect(bad.status).toBe(401);
    const learner = new Client();
    await learner.signUp(app.ctx, `wrong-code-${dialect}@example.com`, "learner");
    const members = Number((await app.t.db.selectFrom("class_members").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    for (const code of ["NOPE-NOPE", "", "<script>", "ABCD-EFGH"]) {
      const res = await join.POST(new NextRequest(learner.request("/api/classes/join", { method: "POST", body: { code } })));
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: "wrong_code", field: "code", message: expect.stringMatching(/No class has that join code/) });
    }
    expect(Number((await app.t.db.selectFrom("class_members").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBe(members);
  });

  it("assignment rules: answers hidden until the due date, closed after it, attempt limit", async () => {
    const ada = await app.t.db.selectFrom("users").innerJoin("learners", "learners.user_id", "users.id").select(["learners.id as learnerId"]).where("email", "=", "ada@example.com").executeTakeFirstOrThrow();
    const a = await app.t.db.selectFrom("assignments").selectAll().where("class_id", "=", classId).where("target_id", "=", "is-relu-linear").executeTakeFirstOrThrow();
    const now = new Date();
    const open = await resolveAttemptPolicy(app.t.db, ada.learnerId, "is-relu-linear", now);
    expect(open).toMatchObject({ canSubmit: true, revealAnswers: false, attemptsUsed: 1, maxAttempts: 3 });
    const stored = JSON.parse((await app.t.db.selectFrom("quiz_attempts").select("result_json").where("learner_id", "=", ada.learnerId).executeTakeFirstOrThrow()).result_json) as AttemptResult;
    const hidden = applyAnswerRelease(stored, open);
    expect(hidden.answersHidden).toEqual({ until: a.due_at });
    for (const q of hidden.questions) {
      expect(q.correctAnswer).toBe("");
      expect(q.explanation).toBe("");
      expect(q.feedback).toEqual([]);
      expect(q.correctOptionIds).toBeUndefined();
    }
    expect(JSON.stringify(hidden)).not.toContain("straight-line pieces are");
    const after = await resolveAttemptPolicy(app.t.db, ada.learnerId, "is-relu-linear", new Date(Date.parse(a.due_at) + 1000));
    expect(after).toMatchObject({ canSubmit: true, late: true, revealAnswers: true });
    expect(applyAnswerRelease(stored, after)).toEqual(stored);
    await app.t.db.updateTable("assignments").set({ late_policy: "closed", max_attempts: 1 }).where("id", "=", a.id).execute();
    expect(await resolveAttemptPolicy(app.t.db, ada.learnerId, "is-relu-linear", new Date(Date.parse(a.due_at) + 1000))).toMatchObject({ canSubmit: false, code: "closed" });
    expect(await resolveAttemptPolicy(app.t.db, ada.learnerId, "is-relu-linear", now)).toMatchObject({ canSubmit: false, code: "no_attempts_left" });
    expect(await resolveAttemptPolicy(app.t.db, ada.learnerId, "is-relu-linear", new Date(Date.parse(a.open_at) - 1000))).toMatchObject({ canSubmit: false, code: "not_open_yet" });
    expect(await resolveAttemptPolicy(app.t.db, ada.learnerId, "relu-check", now)).toBeNull();
    await app.t.db.updateTable("assignments").set({ late_policy: a.late_policy, max_attempts: a.max_attempts }).where("id", "=", a.id).execute();
  });

  it("progress merges: completion is kept, the earliest date wins, future dates are clamped", async () => {
    const ben = await app.t.db.selectFrom("users").selectAll().where("email", "=", "ben@example.com").executeTakeFirstOrThrow();
    const actor: SessionUser = { id: ben.id, name: ben.name, email: ben.email, role: "learner" };
    const now = new Date("2026-06-01T00:00:00.000Z");
    await mergeProgress(app.t.db, actor, { lessons: { relu: { completedAt: "2026-05-02T00:00:00.000Z" }, "dead-relu-leaky-relu": { completedAt: null } } }, now);
    await mergeProgress(app.t.db, actor, { lessons: { relu: { completedAt: null }, "dead-relu-leaky-relu": { completedAt: "2027-01-01T00:00:00.000Z" } } }, now);
    await mergeProgress(app.t.db, actor, { lessons: { relu: { completedAt: "2026-05-01T00:00:00.000Z" } } }, now);
    expect(await getProgress(app.t.db, actor)).toEqual({
      lessons: { "dead-relu-leaky-relu": { completedAt: "2026-06-01T00:00:00.000Z" }, relu: { completedAt: "2026-05-01T00:00:00.000Z" } },
    });
  });
});
