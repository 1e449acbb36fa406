// End-of-lesson check for "Is ReLU linear?" (the full graded quiz is content/quizzes/is-relu-linear.server.ts).
import "server-only";
import { relu } from "@/lib/math/activations";
import { formatNumber as fmt } from "@/lib/math/format";
import { checkAdditivity } from "@/lib/math/linearity";
import { defineQuestion, type QuizDef } from "@/lib/quiz/define";

export const isReluLinearCheck: QuizDef = {
  id: "is-relu-linear-check",
  title: "Check: is ReLU linear?",
  description: "Three questions; take the graded quiz when you are ready.",
  graded: false,
  maxAttempts: null,
  questions: [
    defineQuestion({
      id: "irlc-additivity",
      type: "counterexample",
      prompt: "Break additivity: find a and b with ReLU(a + b) ≠ ReLU(a) + ReLU(b).",
      identity: "ReLU(a + b) = ReLU(a) + ReLU(b)",
      fields: [
        { name: "a", label: "a" },
        { name: "b", label: "b" },
      ],
      evaluate: ({ a, b }) => {
        const c = checkAdditivity(relu, a, b);
        return { lhsLabel: "ReLU(a + b)", lhs: c.lhs, rhsLabel: "ReLU(a) + ReLU(b)", rhs: c.rhs, holds: c.holds };
      },
      correctAnswer: "Any a and b of opposite signs, e.g. a = 1, b = −1.",
      explanation: `ReLU(1) + ReLU(−1) = ${fmt(relu(1) + relu(-1))} ≠ ReLU(0) = ${fmt(relu(0))}, so ReLU is not linear.`,
    }),
    defineQuestion({
      id: "irlc-verdict",
      type: "true-false",
      prompt: "True or false, and why?",
      statement: "ReLU is a linear function.",
      answer: false,
      because: [
        { id: "additivity-fails", correct: true, text: "ReLU(1) + ReLU(−1) ≠ ReLU(0): additivity fails", feedback: "Right: one counterexample settles it." },
        { id: "discontinuous", text: "ReLU is discontinuous at 0", feedback: "ReLU is continuous; continuity is not the issue." },
        { id: "pieces-linear", text: "Each of its pieces is linear", feedback: "Linear pieces make it piecewise linear, not linear." },
      ],
      explanation: "ReLU is piecewise linear and positively homogeneous, but additivity fails (e.g. at a = 1, b = −1), so it is not linear.",
    }),
    defineQuestion({
      id: "irlc-positive-homogeneity",
      type: "single",
      prompt: "For which scale factors c does ReLU(c·x) = c·ReLU(x) hold for every x?",
      options: [
        { id: "nonnegative", correct: true, text: "Every c ≥ 0", feedback: "Yes: positive homogeneity." },
        { id: "all", text: "Every real c", feedback: "c = −1, x = 1 breaks it: ReLU(−1) = 0 but −ReLU(1) = −1." },
        { id: "only-one", text: "Only c = 1", feedback: "It holds for every c ≥ 0, e.g. ReLU(2x) = 2·ReLU(x)." },
      ],
      explanation: "Scaling by c ≥ 0 keeps the sign of x, so max(0, c·x) = c·max(0, x). A negative c flips the sign and the identity fails.",
    }),
  ],
};
