// End-of-lesson check for "ReLU". Server-only: holds the keys.
import "server-only";
import { relu, reluDerivative } from "@/lib/math/activations";
import { formatNumber as fmt } from "@/lib/math/format";
import { defineQuestion, type QuizDef } from "@/lib/quiz/define";

export const reluCheck: QuizDef = {
  id: "relu-check",
  title: "Check: ReLU",
  description: "Three questions on ReLU and its slope.",
  graded: false,
  maxAttempts: null,
  questions: [
    defineQuestion<{ x: number }>({
      id: "relu-value",
      type: "numeric",
      params: (rng) => ({ x: rng.nonZeroInt(-50, 50) / 10 }),
      prompt: ({ x }) => `Compute ReLU(${fmt(x)}), where ReLU(x) = max(0, x).`,
      answer: ({ x }) => relu(x),
      tolerance: { abs: 1e-9 },
      mistakes: [{ value: ({ x }) => Math.abs(x), feedback: "ReLU is not the absolute value: negative inputs map to 0." }],
      explanation: ({ x }) => `max(0, ${fmt(x)}) = ${fmt(relu(x))}.`,
    }),
    defineQuestion<{ x: number }>({
      id: "relu-slope",
      type: "numeric",
      params: (rng) => ({ x: rng.pick([-1, 1]) * rng.int(1, 40) / 10 }),
      prompt: ({ x }) => `What is the derivative ReLU′(${fmt(x)})?`,
      answer: ({ x }) => reluDerivative(x),
      tolerance: { abs: 1e-9 },
      explanation: ({ x }) => `ReLU′(x) is 1 for x > 0 and 0 for x < 0, so ReLU′(${fmt(x)}) = ${fmt(reluDerivative(x))}.`,
    }),
    defineQuestion({
      id: "relu-kink",
      type: "single",
      prompt: "What is ReLU′(0) mathematically?",
      options: [
        { id: "undefined", correct: true, text: "Undefined: the left slope is 0 and the right slope is 1", feedback: "Yes." },
        { id: "zero", text: "0", feedback: "0 is PyTorch's convention at the kink, not the derivative." },
        { id: "one", text: "1", feedback: "That is only the right-hand slope." },
      ],
      explanation: "At 0 the one-sided slopes differ (0 and 1), so ReLU has no derivative there; any value in [0, 1] is a subgradient, and PyTorch uses 0.",
    }),
  ],
};
