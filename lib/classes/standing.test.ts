import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countedAttempts, lessonStanding, quizStanding, type AssignmentRules } from "./standing";

const rules = (over: Partial<AssignmentRules> = {}): AssignmentRules => ({
  open_at: "2026-01-01T00:00:00.000Z",
  due_at: "2026-01-10T00:00:00.000Z",
  max_attempts: null,
  grading: "highest",
  late_policy: "closed",
  late_penalty_pct: 0,
  ...over,
});
const at = (id: string, day: number, score: number) => ({ id, createdAt: `2026-01-${String(day).padStart(2, "0")}T12:00:00.000Z`, score, maxScore: 10 });

describe("quizStanding", () => {
  it.each([
    ["nothing yet", rules(), [], false, { status: "not_started", percent: null, attempts: 0 }],
    ["a variant opened", rules(), [], true, { status: "in_progress", percent: null }],
    ["highest of two", rules(), [at("a", 2, 9), at("b", 3, 4)], false, { status: "done", percent: 90, gradedAttemptId: "a" }],
    ["latest of two", rules({ grading: "latest" }), [at("a", 2, 9), at("b", 3, 4)], false, { status: "done", percent: 40, gradedAttemptId: "b" }],
    ["before the open date ignored", rules(), [at("x", 1, 10)].map((a) => ({ ...a, createdAt: "2025-12-31T00:00:00.000Z" })), false, { status: "not_started" }],
    ["late and closed: ignored", rules(), [at("a", 12, 10)], false, { status: "not_started", percent: null }],
    ["late with 20 % penalty", rules({ late_policy: "penalty", late_penalty_pct: 20 }), [at("a", 12, 10)], false, { status: "late", percent: 80 }],
    ["on time beats late when higher", rules({ late_policy: "penalty", late_penalty_pct: 50 }), [at("a", 2, 7), at("b", 12, 10)], false, { status: "done", percent: 70, gradedAttemptId: "a" }],
    ["attempt limit: later attempts do not count", rules({ max_attempts: 1 }), [at("a", 2, 3), at("b", 3, 10)], false, { percent: 30, attempts: 1 }],
    ["one decimal", rules(), [{ ...at("a", 2, 2), maxScore: 3 }], false, { percent: 66.7 }],
  ] as const)("%s", (_name, r, attempts, started, want) => {
    expect(quizStanding(r, [...attempts], started)).toMatchObject(want);
  });

  it("never scores outside 0–100 and never counts more than the limit (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 20 }), score: fc.integer({ min: 0, max: 10 }) }), { maxLength: 8 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("highest" as const, "latest" as const),
        (xs, max, pct, grading) => {
          const r = rules({ max_attempts: max, late_policy: "penalty", late_penalty_pct: pct, grading });
          const s = quizStanding(r, xs.map((x, i) => at(`a${i}`, x.day, x.score)), false);
          if (s.percent !== null) expect(s.percent).toBeGreaterThanOrEqual(0);
          if (s.percent !== null) expect(s.percent).toBeLessThanOrEqual(100);
          expect(countedAttempts(r, xs.map((x, i) => at(`a${i}`, x.day, x.score))).length).toBeLessThanOrEqual(max ?? Infinity);
        },
      ),
    );
  });
});

describe("lessonStanding", () => {
  it.each([
    [undefined, rules(), "not_started", null],
    [{ completedAt: null }, rules(), "in_progress", null],
    [{ completedAt: "2026-01-05T00:00:00.000Z" }, rules(), "done", 100],
    [{ completedAt: "2026-01-15T00:00:00.000Z" }, rules({ late_policy: "penalty", late_penalty_pct: 25 }), "late", 75],
    [{ completedAt: "2026-01-15T00:00:00.000Z" }, rules(), "in_progress", null],
  ] as const)("%j → %s", (progress, r, status, percent) => {
    expect(lessonStanding(r, progress)).toMatchObject({ status, percent });
  });
});
