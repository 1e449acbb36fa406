// End-of-lesson check for "Dead ReLU and Leaky ReLU". Server-only: holds the keys.
import "server-only";
import { LEAKY_RELU_DEFAULT_ALPHA, leakyRelu, leakyReluDerivative } from "@/lib/math/activations";
import { formatNumber as fmt } from "@/lib/math/format";
import { defineQuestion, type QuizDef } from "@/lib/quiz/define";

export const deadReluLeakyReluCheck: QuizDef = {
  id: "dead-relu-leaky-relu-check",
  title: "Check: dead ReLU and Leaky ReLU",
  description: "Four questions on dead units and the leaky fix.",
  graded: false,
  maxAttempts: null,
  questions: [
    defineQuestion({
      id: "drl-cause",
      type: "single",
      prompt: "What makes a ReLU unit dead?",
      options: [
        { id: "negative-preactivation", correct: true, text: "Its pre-activation is negative on every input, so it gets zero gradient", feedback: "Yes." },
        { id: "discontinuity", text: "ReLU's discontinuity at 0", feedback: "ReLU is continuous; its kink at 0 is not a jump." },
        { id: "vanishing-sigmoid", text: "The 0.25 bound on σ′", feedback: "That is the sigmoid's problem, not ReLU's." },
      ],
      explanation: "If w·x + b < 0 for every input, the unit outputs 0 and ReLU′ = 0, so no gradient reaches w or b. Large learning rates, large negative biases and bad initialisation cause it; a discontinuity does not (ReLU has none).",
    }),
    defineQuestion<{ x: number; alpha: number }>({
      id: "drl-leaky-value",
      type: "numeric",
      params: (rng) => ({ x: -rng.int(1, 50) / 10, alpha: rng.pick([0.01, 0.05, 0.1, 0.2]) }),
      prompt: ({ x, alpha }) => `Compute LeakyReLU(${fmt(x)}; α = ${fmt(alpha)}) = max(α·x, x).`,
      answer: ({ x, alpha }) => leakyRelu(x, alpha),
      tolerance: { abs: 1e-9, rel: 1e-6 },
      mistakes: [{ value: () => 0, feedback: "0 is ReLU's answer; Leaky ReLU keeps α·x for negative x." }],
      explanation: ({ x, alpha }) => `For x < 0, α·x > x, so the result is ${fmt(alpha)}·${fmt(x)} = ${fmt(leakyRelu(x, alpha))}.`,
    }),
    defineQuestion<{ x: number; alpha: number }>({
      id: "drl-leaky-slope",
      type: "numeric",
      params: (rng) => ({ x: -rng.int(1, 50) / 10, alpha: rng.pick([0.01, 0.05, 0.1, 0.2]) }),
      prompt: ({ x, alpha }) => `What is the derivative of Leaky ReLU (α = ${fmt(alpha)}) at x = ${fmt(x)}?`,
      answer: ({ x, alpha }) => leakyReluDerivative(x, alpha),
      tolerance: { abs: 1e-9 },
      mistakes: [{ value: () => 0, feedback: "That would be ReLU: Leaky ReLU's slope for x < 0 is α, not 0." }],
      explanation: ({ x, alpha }) => `For x < 0 the slope is α = ${fmt(alpha)}, so the gradient is small but never zero and a unit can recover. (At ${fmt(x)} this is ${fmt(leakyReluDerivative(x, alpha))}.)`,
    }),
    defineQuestion({
      id: "drl-pytorch-default",
      type: "numeric",
      prompt: "What is PyTorch's default α (negative_slope) for torch.nn.LeakyReLU?",
      answer: () => LEAKY_RELU_DEFAULT_ALPHA,
      tolerance: { abs: 1e-12 },
      explanation: `torch.nn.LeakyReLU(negative_slope=${fmt(LEAKY_RELU_DEFAULT_ALPHA)}) is the default.`,
    }),
  ],
};
