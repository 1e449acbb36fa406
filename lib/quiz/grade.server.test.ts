import { describe, expect, it } from "vitest";
import { validateAnswers } from "./answers.server";
import { defineQuestion, type QuizDef } from "./define";
import { gradeVariant } from "./grade.server";
import { instantiate, toPublicVariant } from "./variant.server";
import { relu } from "@/lib/math/activations";
import { checkAdditivity } from "@/lib/math/linearity";

const quiz: QuizDef = {
  id: "t",
  title: "T",
  description: "",
  graded: true,
  maxAttempts: 3,
  questions: [
    defineQuestion({
      id: "single",
      type: "single",
      prompt: "Pick right",
      shuffle: false,
      options: [
        { id: "r", correct: true, text: "right", feedback: "fb-right" },
        { id: "w", text: "wrong", feedback: "fb-wrong" },
      ],
      explanation: "EXPLAIN-single",
    }),
    defineQuestion({
      id: "multi",
      type: "multiple",
      prompt: "Pick",
      shuffle: false,
      options: [
        { id: "a", correct: true, text: "a", feedback: "fa" },
        { id: "b", correct: true, text: "b", feedback: "fb" },
        { id: "c", text: "c", feedback: "fc" },
        { id: "d", text: "d", feedback: "fd" },
      ],
      explanation: "E",
    }),
    defineQuestion<{ x: number }>({
      id: "num",
      type: "numeric",
      params: () => ({ x: 3 }),
      prompt: ({ x }) => `x=${x}`,
      answer: () => -0.03,
      tolerance: { abs: 1e-9, rel: 1e-6 },
      mistakes: [{ value: () => -3, feedback: "forgot alpha" }],
      explanation: "E",
    }),
    defineQuestion({
      id: "tf",
      type: "true-false",
      prompt: "p",
      statement: "s",
      answer: false,
      because: [
        { id: "good", correct: true, text: "good", feedback: "g" },
        { id: "bad", text: "bad", feedback: "b" },
      ],
      explanation: "E",
    }),
    defineQuestion({
      id: "cx",
      type: "counterexample",
      prompt: "p",
      identity: "ReLU(a + b) = ReLU(a) + ReLU(b)",
      fields: [
        { name: "a", label: "a" },
        { name: "b", label: "b" },
      ],
      evaluate: ({ a, b }) => {
        const c = checkAdditivity(relu, a, b);
        return { lhsLabel: "ReLU(a + b)", lhs: c.lhs, rhsLabel: "ReLU(a) + ReLU(b)", rhs: c.rhs, holds: c.holds };
      },
      correctAnswer: "opposite signs",
      explanation: "E",
    }),
  ],
};

const v = instantiate(quiz, 42);
// tf because options are shuffled: find the shown letter of each reason.
const letterOf = (qid: string, optionId: string) => {
  const q = v.questions.find((x) => x.def.id === qid)!;
  const opts = q.def.type === "true-false" ? q.def.because : q.def.type === "counterexample" || q.def.type === "numeric" ? [] : q.def.options;
  return "ABCDEFG"[q.order.findIndex((k) => opts[k].id === optionId)];
};

const full = () => ({
  single: { choice: "A" },
  multi: { choices: ["A", "B"] },
  num: { value: "-0.03" },
  tf: { value: false, because: letterOf("tf", "good") },
  cx: { values: { a: "1", b: "-1" } },
});

function grade(answers: Record<string, unknown>) {
  const r = validateAnswers(v, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.invalid));
  return gradeVariant(v, r.parsed);
}
const q = (g: ReturnType<typeof grade>, id: string) => g.questions.find((x) => x.result.questionId === id)!.result;

describe("grading", () => {
  it("gives full marks to the key", () => {
    const g = grade(full());
    expect(g).toMatchObject({ score: 5, maxScore: 5 });
    expect(q(g, "cx").sides).toEqual({ lhsLabel: "ReLU(a + b)", lhs: "0", rhsLabel: "ReLU(a) + ReLU(b)", rhs: "1", holds: false });
  });

  it.each([["-0.03"], ["−0.03"], ["3e-2".replace("3", "-3")], ["-3/100"], [" -0.030 "], ["-0.0300000001"]])("accepts numeric form %s", (value) => {
    expect(q(grade({ ...full(), num: { value } }), "num").status).toBe("correct");
  });

  it("recognises a common mistake and rejects values outside tolerance", () => {
    const r = q(grade({ ...full(), num: { value: "-3" } }), "num");
    expect(r).toMatchObject({ status: "incorrect", points: 0, feedback: ["forgot alpha"], correctAnswer: "−0.03" });
    expect(q(grade({ ...full(), num: { value: "-0.031" } }), "num").status).toBe("incorrect");
  });

  it.each([
    [["A", "B"], 1, "correct"],
    [["A"], 0.5, "partial"],
    [["A", "C"], 0, "incorrect"],
    [["A", "B", "C"], 0.5, "partial"],
    [["C", "D"], 0, "incorrect"],
    [["B", "B"], 0.5, "partial"],
  ] as const)("multiple select %j earns %d", (choices, points, status) => {
    expect(q(grade({ ...full(), multi: { choices: [...choices] } }), "multi")).toMatchObject({ points, status });
  });

  it("true/false: right value with a wrong reason earns half; a wrong value earns nothing", () => {
    expect(q(grade({ ...full(), tf: { value: false, because: letterOf("tf", "bad") } }), "tf")).toMatchObject({ points: 0.5, status: "partial" });
    expect(q(grade({ ...full(), tf: { value: true, because: letterOf("tf", "good") } }), "tf")).toMatchObject({ points: 0, status: "incorrect" });
  });

  it("counterexample (2, 3) is rejected with both sides shown", () => {
    const r = q(grade({ ...full(), cx: { values: { a: "2", b: "3" } } }), "cx");
    expect(r.status).toBe("incorrect");
    expect(r.sides).toEqual({ lhsLabel: "ReLU(a + b)", lhs: "5", rhsLabel: "ReLU(a) + ReLU(b)", rhs: "5", holds: true });
    expect(r.feedback[0]).toContain("not a counterexample");
  });

  it("single choice returns per-answer feedback and the explanation", () => {
    expect(q(grade({ ...full(), single: { choice: "B" } }), "single")).toMatchObject({ status: "incorrect", feedback: ["B: fb-wrong"], explanation: "EXPLAIN-single", correctOptionIds: ["A"] });
  });
});

describe("validation", () => {
  it.each([
    ["missing", undefined, "single"],
    ["empty choice", { choice: "" }, "single"],
    ["unknown option", { choice: "Z" }, "single"],
    ["wrong shape", "A", "single"],
    ["no choices", { choices: [] }, "multi"],
    ["empty number", { value: "" }, "num"],
    ["not a number", { value: "abc" }, "num"],
    ["infinity", { value: "∞" }, "num"],
    ["huge", { value: "1e300" }, "num"],
    ["tf without because", { value: true }, "tf"],
    ["tf with string value", { value: "true", because: "A" }, "tf"],
    ["cx missing b", { values: { a: "1" } }, "cx"],
    ["cx not numbers", { values: { a: "one", b: "2" } }, "cx"],
  ])("%s is invalid", (_name, answer, qid) => {
    const r = validateAnswers(v, { ...full(), [qid]: answer });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.invalid).toHaveLength(1);
      expect(r.invalid[0]).toMatchObject({ questionId: qid, message: expect.any(String) });
    }
  });
});

describe("variants", () => {
  it("are deterministic per seed and strip every key", () => {
    expect(toPublicVariant(instantiate(quiz, 7), "v", 1)).toEqual(toPublicVariant(instantiate(quiz, 7), "v", 1));
    const json = JSON.stringify(toPublicVariant(v, "v", 1));
    for (const secret of ["EXPLAIN-single", "fb-right", "correct", "tolerance", "-0.03", "forgot alpha", "opposite signs"]) expect(json).not.toContain(secret);
  });
});
