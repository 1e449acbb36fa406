// End-of-lesson check for "Sigmoid and the vanishing gradient". Server-only: holds the keys.
import "server-only";
import { sigmoid, sigmoidDerivative } from "@/lib/math/activations";
import { sigmoidChainBound } from "@/lib/math/chain";
import { formatNumber as fmt } from "@/lib/math/format";
import { defineQuestion, type QuizDef } from "@/lib/quiz/define";

const sigmoidMax = sigmoidDerivative(0);

export const sigmoidVanishingGradientCheck: QuizDef = {
  id: "sigmoid-vanishing-gradient-check",
  title: "Check: sigmoid and the vanishing gradient",
  description: "Four questions on σ, σ′ and what depth does to gradients.",
  graded: false,
  maxAttempts: null,
  questions: [
    defineQuestion({
      id: "svg-sigmoid-zero",
      type: "numeric",
      prompt: "What is σ(0), where σ(x) = 1 / (1 + e^(−x))?",
      answer: () => sigmoid(0),
      tolerance: { abs: 1e-6 },
      explanation: `σ(0) = 1 / (1 + e⁰) = 1 / 2 = ${fmt(sigmoid(0))}.`,
    }),
    defineQuestion({
      id: "svg-max-derivative",
      type: "numeric",
      prompt: "σ′(x) = σ(x)·(1 − σ(x)). What is the largest value of σ′?",
      answer: () => sigmoidMax,
      tolerance: { abs: 1e-6 },
      mistakes: [{ value: () => sigmoid(0), feedback: "That is σ(0), not σ′(0)." }],
      explanation: `σ′ is largest at x = 0: σ′(0) = ${fmt(sigmoid(0))}·(1 − ${fmt(sigmoid(0))}) = ${fmt(sigmoidMax)}.`,
    }),
    defineQuestion<{ L: number }>({
      id: "svg-depth-bound",
      type: "numeric",
      params: (rng) => ({ L: rng.int(2, 6) }),
      prompt: ({ L }) => `Bound the factor a gradient is multiplied by through ${L} sigmoid layers with weight 1 (the product of ${L} values of σ′).`,
      hints: ["You may type a fraction such as 1/64."],
      answer: ({ L }) => sigmoidChainBound(L, sigmoidMax),
      tolerance: { rel: 5e-3 },
      mistakes: [{ value: ({ L }) => sigmoidMax * L, feedback: "The factors multiply: the bound is 0.25^L, not 0.25·L." }],
      explanation: ({ L }) => `Each factor is at most ${fmt(sigmoidMax)}, so the product is at most ${fmt(sigmoidMax)}^${L} = ${fmt(sigmoidChainBound(L, sigmoidMax))}.`,
    }),
    defineQuestion({
      id: "svg-why-vanish",
      type: "single",
      prompt: "Why do gradients vanish in a deep stack of sigmoid layers?",
      options: [
        { id: "product-small", correct: true, text: "Backpropagation multiplies one σ′ ≤ 0.25 per layer, and the product shrinks exponentially", feedback: "Yes." },
        { id: "sigmoid-discontinuous", text: "The sigmoid has a discontinuity that stops the gradient", feedback: "The sigmoid is smooth everywhere." },
        { id: "sigmoid-linear", text: "The sigmoid is linear, so layers collapse", feedback: "The sigmoid is not linear; the trouble is its small slope." },
      ],
      explanation: `By the chain rule the gradient at layer 1 is a product of one σ′ per layer, each at most ${fmt(sigmoidMax)}; saturated units give far smaller factors still. Deep products of small numbers vanish.`,
    }),
  ],
};
