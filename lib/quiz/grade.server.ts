// Grades validated answers against a variant: points, per-answer feedback, the explanation, and for a
// counterexample both sides of the identity computed with lib/math.
import "server-only";
import { formatNumber } from "@/lib/math/format";
import { flag, text, type ChoiceOption } from "./define";
import { optionLetter, type Variant, type VariantQuestion } from "./variant.server";
import type { ParsedAnswer } from "./answers.server";
import type { QuestionResult, QuestionStatus } from "./types";

/** A graded question plus what is stored for analytics (author option ids, the normalised response). */
export type GradedQuestion = { result: QuestionResult; choiceIds: string[]; response: unknown };

export type Graded = { score: number; maxScore: number; questions: GradedQuestion[] };

const statusOf = (credit: number): QuestionStatus => (credit >= 1 ? "correct" : credit > 0 ? "partial" : "incorrect");
// Points are kept to 1e-9 so partial credit such as 1/3 sums without drift showing in the score.
const round = (x: number) => Math.round(x * 1e9) / 1e9;

function shown(q: VariantQuestion, options: ChoiceOption<unknown>[], position: number): string {
  return `${optionLetter(position)}. ${text(options[q.order[position]].text, q.params)}`;
}

function gradeOne(q: VariantQuestion, a: ParsedAnswer): GradedQuestion {
  const { def, params: p, number } = q;
  const maxPoints = def.points ?? 1;
  const explanation = text(def.explanation, p);
  type Rest = Pick<QuestionResult, "yourAnswer" | "correctAnswer" | "correctOptionIds" | "feedback" | "sides">;
  // One object literal with every key (absent ones undefined, which JSON leaves out): spreading differently
  // shaped objects here was ~8 % of an attempt's CPU on the grading hot path.
  const finish = (credit: number, rest: Rest, choiceIds: string[], response: unknown): GradedQuestion => ({
    result: {
      questionId: def.id,
      number,
      maxPoints,
      explanation,
      status: statusOf(credit),
      points: round(credit * maxPoints),
      yourAnswer: rest.yourAnswer,
      correctAnswer: rest.correctAnswer,
      correctOptionIds: rest.correctOptionIds,
      feedback: rest.feedback,
      sides: rest.sides,
    },
    choiceIds,
    response,
  });

  if ((def.type === "single" || def.type === "multiple") && (a.type === "single" || a.type === "multiple")) {
    const options = def.options as ChoiceOption<unknown>[];
    const isRight = (pos: number) => flag(options[q.order[pos]].correct, p);
    const rightPositions = q.order.map((_, pos) => pos).filter(isRight);
    const chosen = a.type === "single" ? [a.position] : a.positions;
    const hits = chosen.filter(isRight).length;
    const misses = chosen.length - hits;
    const credit = a.type === "single" ? (hits === 1 ? 1 : 0) : Math.max(0, (hits - misses) / rightPositions.length);
    return finish(
      credit,
      {
        yourAnswer: chosen.map((pos) => shown(q, options, pos)).join("; "),
        correctAnswer: rightPositions.map((pos) => shown(q, options, pos)).join("; "),
        correctOptionIds: rightPositions.map(optionLetter),
        feedback: chosen.map((pos) => `${optionLetter(pos)}: ${text(options[q.order[pos]].feedback, p)}`),
      },
      chosen.map((pos) => options[q.order[pos]].id),
      { choices: chosen.map(optionLetter) },
    );
  }
  if (def.type === "true-false" && a.type === "true-false") {
    const because = def.because as ChoiceOption<unknown>[];
    const truth = flag(def.answer, p);
    const rightReason = q.order.findIndex((k) => flag(because[k].correct, p));
    const valueOk = a.value === truth;
    const reasonOk = a.position === rightReason;
    const credit = valueOk ? (reasonOk ? 1 : 0.5) : 0;
    const word = (b: boolean) => (b ? "True" : "False");
    return finish(
      credit,
      {
        yourAnswer: `${word(a.value)}, because ${shown(q, because, a.position)}`,
        correctAnswer: `${word(truth)}, because ${shown(q, because, rightReason)}`,
        correctOptionIds: [optionLetter(rightReason)],
        feedback: [
          valueOk ? `${word(a.value)} is right.` : `${word(a.value)} is not right: the statement is ${word(truth).toLowerCase()}.`,
          `${optionLetter(a.position)}: ${text(because[q.order[a.position]].feedback, p)}`,
        ],
      },
      [String(a.value), because[q.order[a.position]].id],
      { value: a.value, because: optionLetter(a.position) },
    );
  }
  if (def.type === "numeric" && a.type === "numeric") {
    const answer = def.answer(p);
    const tol = Math.max(def.tolerance.abs ?? 0, (def.tolerance.rel ?? 0) * Math.abs(answer));
    const near = (target: number) => Math.abs(a.value - target) <= tol;
    const ok = near(answer);
    const mistake = ok ? undefined : def.mistakes?.find((m) => near(m.value(p)));
    const feedback = ok
      ? [def.correctFeedback ? text(def.correctFeedback, p) : "That is right."]
      : [mistake ? text(mistake.feedback, p) : `${formatNumber(a.value)} is not within tolerance of the answer.`];
    return finish(
      ok ? 1 : 0,
      { yourAnswer: formatNumber(a.value) + (def.unit ? ` ${def.unit}` : ""), correctAnswer: formatNumber(answer) + (def.unit ? ` ${def.unit}` : ""), feedback },
      [],
      { value: a.raw },
    );
  }
  if (def.type === "counterexample" && a.type === "counterexample") {
    const e = def.evaluate(a.values, p);
    const sides = { lhsLabel: e.lhsLabel, lhs: formatNumber(e.lhs), rhsLabel: e.rhsLabel, rhs: formatNumber(e.rhs), holds: e.holds };
    const your = def.fields.map((f) => `${f.label} = ${formatNumber(a.values[f.name])}`).join(", ");
    const feedback = e.holds
      ? [`At ${your}: ${sides.lhsLabel} = ${sides.lhs} and ${sides.rhsLabel} = ${sides.rhs} — equal, so this is not a counterexample.`]
      : [`At ${your}: ${sides.lhsLabel} = ${sides.lhs} but ${sides.rhsLabel} = ${sides.rhs} — they differ, so this is a counterexample.`];
    if (e.holds && def.holdsFeedback) feedback.push(text(def.holdsFeedback, p));
    return finish(e.holds ? 0 : 1, { yourAnswer: your, correctAnswer: text(def.correctAnswer, p), feedback, sides }, [], { values: a.raw });
  }
  throw new Error(`answer of type ${a.type} cannot grade question ${def.id} of type ${def.type}`);
}

/** Grades answers already checked by validateAnswers (one per question, in order). */
export function gradeVariant(v: Variant, parsed: ParsedAnswer[]): Graded {
  const questions = v.questions.map((q, i) => gradeOne(q, parsed[i]));
  return {
    score: round(questions.reduce((s, g) => s + g.result.points, 0)),
    maxScore: round(questions.reduce((s, g) => s + g.result.maxPoints, 0)),
    questions,
  };
}
