// End-of-lesson check for "Why activation functions?". Server-only: holds the keys.
import "server-only";
import { formatNumber as fmt } from "@/lib/math/format";
import { matMul } from "@/lib/math/matrix";
import { defineQuestion, type QuizDef } from "@/lib/quiz/define";

export const whyActivationFunctionsCheck: QuizDef = {
  id: "why-activation-functions-check",
  title: "Check: why activation functions?",
  description: "Three questions on what linear layers can and cannot do.",
  graded: false,
  maxAttempts: null,
  questions: [
    defineQuestion({
      id: "waf-collapse",
      type: "single",
      prompt: "A network stacks ten linear layers with no activation between them. What function can it compute?",
      options: [
        { id: "one-linear-map", correct: true, text: "Only what a single linear layer can: W₁₀···W₂W₁ is one matrix", feedback: "Yes: the product of the matrices is one matrix." },
        { id: "more-expressive", text: "More than one layer can, because it has more parameters", feedback: "More parameters, same set of functions: the layers multiply into one matrix." },
        { id: "any-function", text: "Any continuous function, given wide enough layers", feedback: "That is the universal approximation theorem, and it needs a nonlinear activation." },
      ],
      explanation: "Without activations, W₁₀(···(W₂(W₁x))) = (W₁₀···W₂W₁)x: one linear map. Depth only adds expressive power when a nonlinearity sits between the layers.",
    }),
    defineQuestion<{ a: number; b: number; c: number; d: number }>({
      id: "waf-collapse-scalar",
      type: "numeric",
      params: (rng) => ({ a: rng.nonZeroInt(-4, 4), b: rng.nonZeroInt(-4, 4), c: rng.int(-3, 3), d: rng.int(-3, 3) }),
      prompt: ({ a, b, c, d }) => `Two one-unit layers compute h = ${fmt(a)}·x + ${fmt(c)} and y = ${fmt(b)}·h + ${fmt(d)}. Written as one layer y = w·x + k, what is w?`,
      answer: ({ a, b }) => matMul([[b]], [[a]])[0][0],
      tolerance: { abs: 1e-9 },
      mistakes: [{ value: ({ a, b }) => a + b, feedback: "Weights of stacked layers multiply; they do not add." }],
      explanation: ({ a, b, c, d }) => `Substitute: y = ${fmt(b)}·(${fmt(a)}·x + ${fmt(c)}) + ${fmt(d)} = ${fmt(a * b)}·x + ${fmt(b * c + d)}. So w = ${fmt(a * b)}: still a single linear (affine) layer.`,
    }),
    defineQuestion({
      id: "waf-why-nonlinear",
      type: "multiple",
      prompt: "Which of these can a network with a nonlinear activation such as ReLU do that a purely linear network cannot? Select all that apply.",
      options: [
        { id: "xor", correct: true, text: "Separate the XOR pattern (opposite corners of a square share a class)", feedback: "Right: no single line separates XOR." },
        { id: "bent-boundary", correct: true, text: "Draw a bent or closed decision boundary", feedback: "Right: each ReLU unit adds a line along which the function bends." },
        { id: "fit-line", text: "Fit a straight line through data", feedback: "A linear model already does that." },
      ],
      explanation: "A linear network computes one affine map, so its decision boundary is a single straight line. Nonlinear activations let the network bend the boundary, which XOR needs.",
    }),
  ],
};
