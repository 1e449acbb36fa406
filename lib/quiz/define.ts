// How quizzes are authored (content/quizzes/*.server.ts): typed question definitions whose texts and
// answers may depend on parameters drawn from a seeded generator. Types and helpers only — the keys live
// in the content modules, which are server-only.
import type { Rng } from "./rng";

/** A text, fixed or computed from the variant's parameters. */
export type Text<P> = string | ((p: P) => string);

/** A choice option; `id` is the author's stable id, stored for analytics, never sent to the browser. */
export type ChoiceOption<P> = { id: string; text: Text<P>; correct?: boolean | ((p: P) => boolean); feedback: Text<P> };

type Common<P> = {
  /** Stable id, unique across all quizzes (it keys the analytics). */
  id: string;
  points?: number;
  params?: (rng: Rng) => P;
  prompt: Text<P>;
  hints?: Text<P>[];
  /** Shown after grading, right or wrong. */
  explanation: Text<P>;
};

export type SingleDef<P> = Common<P> & { type: "single"; options: ChoiceOption<P>[]; shuffle?: boolean };
/** Multiple select with partial credit: (right picks − wrong picks) / right options, at least 0. */
export type MultipleDef<P> = Common<P> & { type: "multiple"; options: ChoiceOption<P>[]; shuffle?: boolean };
/** True/false with a required "because": full credit needs both; the right value with a wrong reason earns half. */
export type TrueFalseDef<P> = Common<P> & {
  type: "true-false";
  statement: Text<P>;
  answer: boolean | ((p: P) => boolean);
  because: ChoiceOption<P>[];
};
/** A number graded with |x − answer| ≤ max(abs, rel·|answer|); `mistakes` recognise common wrong values. */
export type NumericDef<P> = Common<P> & {
  type: "numeric";
  answer: (p: P) => number;
  tolerance: { abs?: number; rel?: number };
  unit?: string;
  mistakes?: { value: (p: P) => number; feedback: Text<P> }[];
  correctFeedback?: Text<P>;
};
/** Both sides of an identity evaluated at the learner's numbers (with lib/math). */
export type IdentityEvaluation = { lhsLabel: string; lhs: number; rhsLabel: string; rhs: number; holds: boolean };
/** The learner builds numbers that break an identity; correct when `evaluate` says it does not hold. */
export type CounterexampleDef<P> = Common<P> & {
  type: "counterexample";
  fields: { name: string; label: string }[];
  /** The identity in words/symbols, shown with the question. */
  identity: Text<P>;
  evaluate: (values: Record<string, number>, p: P) => IdentityEvaluation;
  /** What every valid counterexample satisfies (shown after grading). */
  correctAnswer: Text<P>;
  /** Extra feedback when the identity held at the learner's numbers. */
  holdsFeedback?: Text<P>;
};

export type QuestionDef<P = unknown> = SingleDef<P> | MultipleDef<P> | TrueFalseDef<P> | NumericDef<P> | CounterexampleDef<P>;

// Type erasure for heterogeneous question lists: each question is checked against its own P by defineQuestion.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyQuestion = QuestionDef<any>;

/** Checks a question against its own parameter type, then erases it for the quiz's list. */
export function defineQuestion<P = undefined>(q: QuestionDef<P>): AnyQuestion {
  return q;
}

export type QuizDef = {
  id: string;
  title: string;
  description: string;
  /** Graded quizzes count in the gradebook; lesson checks are practice. */
  graded: boolean;
  /** null: unlimited attempts. */
  maxAttempts: number | null;
  questions: AnyQuestion[];
};

/** Resolves a Text for the given parameters. */
export function text<P>(t: Text<P>, p: P): string {
  return typeof t === "function" ? t(p) : t;
}

/** Resolves a flag that may depend on the parameters. */
export function flag<P>(f: boolean | ((p: P) => boolean) | undefined, p: P): boolean {
  return typeof f === "function" ? f(p) : f === true;
}
