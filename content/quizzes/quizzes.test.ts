// Checks every quiz's keys over many variants: the key earns full marks, option sets are well formed,
// ids are unique, and nothing secret reaches the public variant.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { QUIZZES } from "./index.server";
import { validateAnswers } from "@/lib/quiz/answers.server";
import { flag, text } from "@/lib/quiz/define";
import { gradeVariant } from "@/lib/quiz/grade.server";
import { keyAnswers } from "@/lib/quiz/key-answers.server";
import { instantiate, toPublicVariant } from "@/lib/quiz/variant.server";

const LESSON_SLUGS = ["why-activation-functions", "sigmoid-vanishing-gradient", "relu", "dead-relu-leaky-relu", "is-relu-linear"];
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe("quiz content", () => {
  it("has the graded quiz and one check of 3–5 questions per lesson", () => {
    const ids = QUIZZES.map((q) => q.id);
    expect(ids).toContain("is-relu-linear");
    expect(QUIZZES.find((q) => q.id === "is-relu-linear")!.questions.length).toBeGreaterThanOrEqual(12);
    for (const slug of LESSON_SLUGS) {
      const check = QUIZZES.find((q) => q.id === `${slug}-check`);
      expect(check, slug).toBeDefined();
      expect(check!.questions.length).toBeGreaterThanOrEqual(3);
      expect(check!.questions.length).toBeLessThanOrEqual(5);
    }
  });

  it("uses unique quiz ids and question ids unique across all quizzes", () => {
    const qids = QUIZZES.flatMap((q) => q.questions.map((x) => x.id));
    expect(new Set(qids).size).toBe(qids.length);
    expect(new Set(QUIZZES.map((q) => q.id)).size).toBe(QUIZZES.length);
  });

  describe.each(QUIZZES.map((q) => [q.id, q] as const))("%s", (_id, quiz) => {
    it("the key earns full marks on every variant", () => {
      fc.assert(
        fc.property(seed, (s) => {
          const v = instantiate(quiz, s);
          const r = validateAnswers(v, keyAnswers(v));
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const g = gradeVariant(v, r.parsed);
          expect(g.score).toBe(g.maxScore);
        }),
        { numRuns: 150 },
      );
    });

    it("has well-formed options, finite answers and distinct option texts on every variant", () => {
      fc.assert(
        fc.property(seed, (s) => {
          const v = instantiate(quiz, s);
          for (const q of v.questions) {
            const d = q.def;
            if (d.type === "single" || d.type === "true-false" || d.type === "multiple") {
              const opts = d.type === "true-false" ? d.because : d.options;
              const right = opts.filter((o) => flag(o.correct, q.params)).length;
              if (d.type === "multiple") expect(right, d.id).toBeGreaterThanOrEqual(1);
              else expect(right, d.id).toBe(1);
              const texts = opts.map((o) => text(o.text, q.params));
              expect(new Set(texts).size, d.id).toBe(texts.length);
            }
            if (d.type === "numeric") expect(Number.isFinite(d.answer(q.params)), d.id).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });

    it("never shows an explanation, feedback or numeric key in the public variant", () => {
      fc.assert(
        fc.property(seed, (s) => {
          const v = instantiate(quiz, s);
          const json = JSON.stringify(toPublicVariant(v, "id", 1));
          for (const q of v.questions) {
            expect(json).not.toContain(text(q.def.explanation, q.params));
            if (q.def.type === "single" || q.def.type === "multiple") for (const o of q.def.options) expect(json).not.toContain(text(o.feedback, q.params));
            if (q.def.type === "counterexample") expect(json).not.toContain(text(q.def.correctAnswer, q.params));
          }
          expect(json).not.toMatch(/"(correct|tolerance|explanation|answer|feedback)"/);
        }),
        { numRuns: 50 },
      );
    });
  });

  it("draws different parameters for different seeds", () => {
    const quiz = QUIZZES.find((q) => q.id === "is-relu-linear")!;
    const prompts = new Set(Array.from({ length: 20 }, (_, s) => JSON.stringify(toPublicVariant(instantiate(quiz, s), "id", 1))));
    expect(prompts.size).toBeGreaterThan(15);
  });
});
