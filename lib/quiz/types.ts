// What crosses the wire: the public (stripped) variant a learner sees before grading, the answers they
// send, and the graded result. Shared by server and client; holds no keys.

/** An option as shown: `id` is an opaque letter in shown order (A, B, …), so ids reveal nothing. */
export type PublicOption = { id: string; text: string };

type PublicBase = { id: string; number: number; prompt: string; hints: string[]; points: number };

export type PublicQuestion = PublicBase &
  (
    | { type: "single"; options: PublicOption[] }
    | { type: "multiple"; options: PublicOption[] }
    | { type: "true-false"; statement: string; because: PublicOption[] }
    | { type: "numeric"; unit?: string; placeholder?: string }
    | { type: "counterexample"; fields: { name: string; label: string }[]; identity: string }
  );

export type QuestionType = PublicQuestion["type"];

/** The variant a learner is shown for one attempt (no answers, keys, tolerances or explanations). */
export type PublicVariant = {
  quizId: string;
  title: string;
  variantId: string;
  attemptNumber: number;
  questions: PublicQuestion[];
};

/** GET /api/quizzes/:id: the quiz, the learner's attempt budget and their current variant (null when none remain). */
export type QuizState = {
  quizId: string;
  title: string;
  description: string;
  graded: boolean;
  maxAttempts: number | null;
  attemptsUsed: number;
  attemptsRemaining: number | null;
  variant: PublicVariant | null;
};

/** One answer as sent. Numbers travel as strings so "3/100" and "3e-2" reach the parser unchanged. */
export type Answer =
  | { choice: string }
  | { choices: string[] }
  | { value: boolean; because: string }
  | { value: string }
  | { values: Record<string, string> };

export type Submission = { variantId: string; answers: Record<string, unknown> };

export type QuestionStatus = "correct" | "partial" | "incorrect";

/** Both sides of the identity a counterexample is meant to break, computed with lib/math. */
export type IdentitySides = {
  lhsLabel: string;
  lhs: string;
  rhsLabel: string;
  rhs: string;
  holds: boolean;
};

export type QuestionResult = {
  questionId: string;
  number: number;
  status: QuestionStatus;
  points: number;
  maxPoints: number;
  /** The learner's answer, as they gave it, in words ("B. …", "−0.03", "a = 1, b = −1"). */
  yourAnswer: string;
  /** The correct answer in words (for a counterexample: what any valid answer must satisfy). */
  correctAnswer: string;
  /** Feedback on the specific answer chosen or entered. */
  feedback: string[];
  explanation: string;
  /** For multiple choice: which shown option ids were correct. */
  correctOptionIds?: string[];
  sides?: IdentitySides;
};

/** POST /api/quizzes/:id/attempts → the graded attempt (also what the history lists). */
export type AttemptResult = {
  attemptId: string;
  quizId: string;
  attemptNumber: number;
  seed: number;
  score: number;
  maxScore: number;
  percent: number;
  submittedAt: string;
  questions: QuestionResult[];
};

/** A malformed answer: reported, not graded, and it does not use up an attempt. */
export type InvalidAnswer = { questionId: string; number: number; message: string };

export type ApiError = { error: { code: string; message: string; field?: string }; invalid?: InvalidAnswer[] };
