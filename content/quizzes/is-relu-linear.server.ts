// The graded quiz "Is ReLU linear?": keys, tolerances and explanations. Server-only: never imported by
// a client component or the MDX bundle. Every number shown comes from lib/math.
import "server-only";
import { leakyRelu, relu, sigmoidDerivative } from "@/lib/math/activations";
import { sigmoidChainBound } from "@/lib/math/chain";
import { formatNumber as fmt } from "@/lib/math/format";
import { checkAdditivity, checkHomogeneity } from "@/lib/math/linearity";
import { matMul } from "@/lib/math/matrix";
import { defineQuestion, type QuizDef } from "@/lib/quiz/define";
import type { Rng } from "@/lib/quiz/rng";

const sigmoidMax = sigmoidDerivative(0);
const LEAKY_ALPHAS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3] as const;
const smallMatrix = (rng: Rng) => [0, 1].map(() => [0, 1].map(() => rng.int(-3, 4)));
const showMatrix = (m: number[][]) => `[${m.map((row) => row.map((v) => fmt(v)).join(", ")).join("; ")}]`;

export const isReluLinear: QuizDef = {
  id: "is-relu-linear",
  title: "Is ReLU linear?",
  description: "Fourteen questions on linearity, ReLU and its relatives. Graded; three attempts, each with fresh numbers.",
  graded: true,
  maxAttempts: 3,
  questions: [
    defineQuestion({
      id: "irl-definition",
      type: "single",
      prompt: "Which condition defines a linear function f: ℝ → ℝ (in the sense of linear algebra)?",
      options: [
        { id: "both-identities", correct: true, text: "f(a + b) = f(a) + f(b) and f(c·x) = c·f(x) for all real a, b, c, x", feedback: "Yes: additivity and homogeneity, for every input." },
        { id: "straight-pieces", text: "Its graph is made of straight-line pieces", feedback: "That describes a piecewise linear function; |x| and ReLU qualify yet are not linear." },
        { id: "continuous-monotone", text: "It is continuous and never decreases", feedback: "ReLU, sigmoid and tanh are all continuous and non-decreasing, and none is linear." },
        { id: "additive-positive", text: "f(a + b) = f(a) + f(b) whenever a and b are both positive", feedback: "ReLU passes this test (for a, b > 0 it is the identity) but fails for inputs of opposite signs." },
      ],
      explanation: "A linear function satisfies two identities for all inputs: additivity f(a + b) = f(a) + f(b) and homogeneity f(c·x) = c·f(x). On ℝ these force f(x) = m·x. One failing pair of inputs is enough to show a function is not linear.",
    }),
    defineQuestion({
      id: "irl-additivity-counterexample",
      type: "counterexample",
      prompt: "Find numbers a and b for which ReLU(a + b) ≠ ReLU(a) + ReLU(b).",
      identity: "ReLU(a + b) = ReLU(a) + ReLU(b)",
      fields: [
        { name: "a", label: "a" },
        { name: "b", label: "b" },
      ],
      hints: ["Try one positive and one negative number.", "What is ReLU of a negative number?"],
      evaluate: ({ a, b }) => {
        const c = checkAdditivity(relu, a, b);
        return { lhsLabel: "ReLU(a + b)", lhs: c.lhs, rhsLabel: "ReLU(a) + ReLU(b)", rhs: c.rhs, holds: c.holds };
      },
      correctAnswer: `Any a and b of opposite signs, e.g. a = 1, b = −1: ReLU(0) = ${fmt(relu(0))} but ReLU(1) + ReLU(−1) = ${fmt(relu(1) + relu(-1))}.`,
      holdsFeedback: "When a and b have the same sign (or one is 0), ReLU acts as one linear piece on both and the identity holds.",
      explanation: `ReLU(1) + ReLU(−1) = ${fmt(relu(1) + relu(-1))} but ReLU(1 + (−1)) = ReLU(0) = ${fmt(relu(0))}. Additivity fails whenever a and b have opposite signs, so ReLU is not linear.`,
    }),
    defineQuestion({
      id: "irl-homogeneity-counterexample",
      type: "counterexample",
      prompt: "Find numbers c and x for which ReLU(c·x) ≠ c·ReLU(x).",
      identity: "ReLU(c·x) = c·ReLU(x)",
      fields: [
        { name: "c", label: "c" },
        { name: "x", label: "x" },
      ],
      hints: ["Homogeneity holds for every c ≥ 0. Look elsewhere."],
      evaluate: ({ c, x }) => {
        const r = checkHomogeneity(relu, c, x);
        return { lhsLabel: "ReLU(c·x)", lhs: r.lhs, rhsLabel: "c·ReLU(x)", rhs: r.rhs, holds: r.holds };
      },
      correctAnswer: `Any c < 0 with x ≠ 0, e.g. c = −1, x = 1: ReLU(−1) = ${fmt(relu(-1))} but −1·ReLU(1) = ${fmt(-1 * relu(1))}.`,
      holdsFeedback: "For c ≥ 0, max(0, c·x) = c·max(0, x): ReLU is positively homogeneous. A counterexample needs c < 0.",
      explanation: "ReLU is positively homogeneous: ReLU(c·x) = c·ReLU(x) for every c ≥ 0. A negative c flips the sign of the input, and ReLU treats the two signs differently, so homogeneity fails for c < 0 (with x ≠ 0).",
    }),
    defineQuestion<{ c: number }>({
      id: "irl-homogeneity-sign",
      type: "true-false",
      params: (rng) => ({ c: rng.pick([-1, 1]) * rng.int(2, 5) }),
      prompt: "Decide whether the statement is true, and choose the reason.",
      statement: ({ c }) => `ReLU(${fmt(c)}·x) = ${fmt(c)}·ReLU(x) for every real x.`,
      answer: ({ c }) => c >= 0,
      because: [
        { id: "nonneg-scaling", correct: ({ c }) => c >= 0, text: "Scaling by a non-negative number keeps the sign of x, so max(0, c·x) = c·max(0, x)", feedback: ({ c }) => (c >= 0 ? "Right: this is positive homogeneity." : `True for c ≥ 0, but here c = ${fmt(c)}.`) },
        { id: "neg-flips", correct: ({ c }) => c < 0, text: ({ c }) => `A negative factor flips the sign: at x = 1 the left side is ReLU(${fmt(c)}) and the right side is ${fmt(c)}·ReLU(1)`, feedback: ({ c }) => (c < 0 ? `Right: ReLU(${fmt(c)}) = ${fmt(relu(c))} but ${fmt(c)}·ReLU(1) = ${fmt(c * relu(1))}.` : `Here c = ${fmt(c)} is positive, so nothing flips.`) },
        { id: "relu-linear", text: "ReLU is linear, so homogeneity holds for every c", feedback: "ReLU is not linear: additivity fails, and homogeneity fails for negative c." },
        { id: "kink-breaks", text: "ReLU is not differentiable at 0, so no scaling identity can hold", feedback: "Differentiability has nothing to do with it: |x| has a kink too and satisfies |c·x| = |c|·|x|." },
      ],
      explanation: ({ c }) =>
        `For c ≥ 0, ReLU(c·x) = c·ReLU(x) (positive homogeneity). For c < 0 it fails: at x = 1, ReLU(c) = 0 while c·ReLU(1) = c. Here c = ${fmt(c)}, so the statement is ${c >= 0 ? "true" : "false"}.`,
    }),
    defineQuestion({
      id: "irl-pieces",
      type: "single",
      prompt: "ReLU(x) = max(0, x) is piecewise linear. Into how many linear pieces does it split the real line?",
      options: [
        { id: "one", text: "1", feedback: "One linear piece would make ReLU linear (affine) everywhere, and it is not." },
        { id: "two", correct: true, text: "2", feedback: "Yes: 0 for x < 0 and x for x > 0, meeting at the kink x = 0." },
        { id: "three", text: "3", feedback: "The point x = 0 is where the two pieces meet, not a third piece." },
        { id: "infinite", text: "Infinitely many", feedback: "Smooth curves like sigmoid need infinitely many; ReLU changes slope only once." },
      ],
      explanation: "ReLU is 0 on (−∞, 0] and x on [0, ∞): two linear pieces joined continuously at the kink x = 0. A network of ReLU units is piecewise linear too, with many pieces (linear regions).",
    }),
    defineQuestion<{ W1: number[][]; W2: number[][]; i: number; j: number }>({
      id: "irl-collapse-entry",
      type: "numeric",
      params: (rng) => ({ W1: smallMatrix(rng), W2: smallMatrix(rng), i: rng.int(0, 1), j: rng.int(0, 1) }),
      prompt: ({ W1, W2, i, j }) =>
        `A two-layer network with no activation computes y = W₂(W₁x) with W₁ = ${showMatrix(W1)} and W₂ = ${showMatrix(W2)} (rows separated by “;”). It equals a single layer y = Wx. What is the entry of W in row ${i + 1}, column ${j + 1}?`,
      hints: ["The first layer acts first, so W = W₂·W₁ (not W₁·W₂).", "Entry (r, c) of a product is row r of the left factor times column c of the right one."],
      answer: ({ W1, W2, i, j }) => matMul(W2, W1)[i][j],
      tolerance: { abs: 1e-9 },
      mistakes: [{ value: ({ W1, W2, i, j }) => matMul(W1, W2)[i][j], feedback: "That is the entry of W₁·W₂. The order matters: x goes through W₁ first, so W = W₂·W₁." }],
      explanation: ({ W1, W2, i, j }) =>
        `Stacked linear layers collapse: W₂(W₁x) = (W₂W₁)x. Here W = W₂·W₁ = ${showMatrix(matMul(W2, W1))}, so entry (${i + 1}, ${j + 1}) is ${fmt(matMul(W2, W1)[i][j])}. Depth adds nothing without a nonlinearity.`,
    }),
    defineQuestion({
      id: "irl-linear-plane",
      type: "single",
      prompt: "A linear model on the plane predicts class 1 where w₁x₁ + w₂x₂ + b > 0. What can its decision boundary look like?",
      options: [
        { id: "one-line", correct: true, text: "One straight line, splitting the plane into two half-planes", feedback: "Yes: w₁x₁ + w₂x₂ + b = 0 is a line." },
        { id: "polygon", text: "Any polygon, given enough layers of linear units", feedback: "Stacked linear layers collapse to one, so more layers give the same single line." },
        { id: "circle", text: "A circle around one class", feedback: "A circle needs x₁² + x₂², which no linear function produces." },
        { id: "many-regions", text: "Many linear regions, like a ReLU network", feedback: "That is what ReLU adds: each unit bends the function along a line, carving many regions." },
      ],
      explanation: "The set where an affine function w·x + b is positive is a half-plane, so a linear model draws one straight boundary, however many linear layers it has. A ReLU network carves the plane into many linear regions and can draw bent, closed boundaries.",
    }),
    defineQuestion({
      id: "irl-derivative-at-zero",
      type: "single",
      prompt: "What is the derivative of ReLU at x = 0, in the sense of calculus?",
      options: [
        { id: "undefined", correct: true, text: "Undefined: the slope from the left is 0 and from the right is 1", feedback: "Yes: the one-sided derivatives differ, so there is no derivative at 0." },
        { id: "zero", text: "0", feedback: "0 is a convention some software uses at the kink, not the derivative, which does not exist there." },
        { id: "one", text: "1", feedback: "1 is the slope from the right only; from the left it is 0." },
        { id: "half", text: "0.5", feedback: "0.5 averages the one-sided slopes; it is one possible subgradient, not a derivative." },
      ],
      explanation: "ReLU′(x) is 0 for x < 0 and 1 for x > 0; at x = 0 the one-sided slopes differ, so the derivative is undefined. Every value in [0, 1] is a subgradient there. Software must pick one; PyTorch uses 0.",
    }),
    defineQuestion({
      id: "irl-pytorch-convention",
      type: "single",
      prompt: "ReLU has no derivative at 0, but autograd must return something there. Which value does PyTorch's autograd use for ReLU′(0)?",
      options: [
        { id: "zero", correct: true, text: "0", feedback: "Yes: PyTorch's ReLU backward passes the gradient only where x > 0." },
        { id: "one", text: "1", feedback: "PyTorch passes the gradient only where x > 0, so at exactly 0 it is 0." },
        { id: "half", text: "0.5", feedback: "A valid subgradient, but not PyTorch's convention." },
        { id: "nan", text: "NaN, so training stops", feedback: "Frameworks choose a subgradient instead; exact zeros are common (e.g. with zero-initialised biases)." },
      ],
      explanation: "This is a stated convention, not calculus: PyTorch's autograd uses 0 for ReLU′(0) (a subgradient, since any value in [0, 1] is one). Mathematically the derivative at 0 is undefined.",
    }),
    defineQuestion({
      id: "irl-sigmoid-max-derivative",
      type: "numeric",
      prompt: "The sigmoid σ(x) = 1 / (1 + e^(−x)) has derivative σ′(x) = σ(x)·(1 − σ(x)). What is the largest value σ′ takes?",
      hints: ["σ·(1 − σ) is largest when σ = 1/2. Where is σ(x) = 1/2?"],
      answer: () => sigmoidMax,
      tolerance: { abs: 1e-6 },
      mistakes: [
        { value: () => 0.5, feedback: "0.5 is σ(0), the value of the sigmoid, not of its derivative." },
        { value: () => 1, feedback: "The slope of the sigmoid never reaches 1: it is at most σ(0)·(1 − σ(0))." },
      ],
      explanation: `σ′ = σ(1 − σ) is a downward parabola in σ, largest at σ = 1/2, i.e. at x = 0: σ′(0) = ${fmt(sigmoidMax)}. So every sigmoid layer multiplies a gradient by at most ${fmt(sigmoidMax)} (times its weight).`,
    }),
    defineQuestion<{ L: number }>({
      id: "irl-sigmoid-bound",
      type: "numeric",
      params: (rng) => ({ L: rng.int(3, 9) }),
      prompt: ({ L }) => `A gradient flows back through L = ${L} sigmoid layers with weight 1. By the chain rule it is multiplied by σ′ at each layer. What upper bound does that give for the factor it is multiplied by in total?`,
      hints: ["Each factor is at most max σ′.", "Multiply L of them. You may type a fraction such as 1/1024, or a form like 3.81e-6."],
      answer: ({ L }) => sigmoidChainBound(L, sigmoidMax),
      // Three significant digits are enough ("3.81e-6"); a fraction such as 1/262144 is exact.
      tolerance: { rel: 5e-3 },
      mistakes: [
        { value: ({ L }) => sigmoidMax * L, feedback: "The factors multiply, not add: the bound is a power, 0.25^L." },
        { value: ({ L }) => 0.5 ** L, feedback: "0.5 is σ(0); the bound on σ′ is 0.25, so the bound is 0.25^L." },
      ],
      explanation: ({ L }) => `Each σ′ ≤ ${fmt(sigmoidMax)}, so the product over ${L} layers is at most ${fmt(sigmoidMax)}^${L} = ${fmt(sigmoidChainBound(L, sigmoidMax))}. The bound shrinks exponentially with depth: the vanishing gradient.`,
    }),
    defineQuestion<{ x: number; alpha: number }>({
      id: "irl-leaky-value",
      type: "numeric",
      params: (rng) => ({ x: -rng.int(1, 90) / 10, alpha: rng.pick(LEAKY_ALPHAS) }),
      prompt: ({ x, alpha }) => `Leaky ReLU is LeakyReLU(x; α) = max(α·x, x) with 0 < α < 1. Compute LeakyReLU(${fmt(x)}; α = ${fmt(alpha)}).`,
      hints: ["For negative x, which of α·x and x is larger?"],
      answer: ({ x, alpha }) => leakyRelu(x, alpha),
      tolerance: { abs: 1e-9, rel: 1e-6 },
      mistakes: [
        { value: ({ x }) => x, feedback: "For negative x, α·x is larger than x (it is closer to 0), so max picks α·x." },
        { value: () => 0, feedback: "0 is ReLU's output for negative inputs; Leaky ReLU keeps a small slope α there." },
        { value: ({ x, alpha }) => -alpha * x, feedback: "Check the sign: α·x is negative when x is." },
      ],
      explanation: ({ x, alpha }) => `x = ${fmt(x)} is negative and 0 < α < 1, so α·x > x and LeakyReLU(${fmt(x)}) = α·x = ${fmt(leakyRelu(x, alpha))}. Its slope for x < 0 is α, so gradients never vanish entirely.`,
    }),
    defineQuestion({
      id: "irl-dead-relu-cause",
      type: "single",
      prompt: "A ReLU unit has “died”: it outputs 0 and its weights no longer change. What causes this?",
      options: [
        { id: "negative-preactivation", correct: true, text: "Its pre-activation is negative on every input, so its gradient is 0 everywhere", feedback: "Yes: ReLU′ = 0 for negative inputs, so no gradient reaches its weights." },
        { id: "discontinuity", text: "ReLU has a discontinuity at 0 that breaks backpropagation", feedback: "ReLU is continuous: both sides approach 0 at x = 0. It has a kink (no derivative at 0), not a jump." },
        { id: "saturation", text: "Its output grows so large that the unit saturates", feedback: "ReLU does not saturate for positive inputs; that is sigmoid and tanh." },
        { id: "too-small-lr", text: "The learning rate is too small", feedback: "Large learning rates are the usual culprit: one big step can push the bias far negative." },
      ],
      explanation: "A dead ReLU's pre-activation w·x + b is negative for every input, so its output and gradient are 0 and gradient descent cannot revive it. Typical causes: a large learning rate, a large negative bias, or a bad initialisation. It is not caused by a discontinuity — ReLU is continuous. Leaky ReLU keeps a slope α for x < 0 so the unit can recover.",
    }),
    defineQuestion({
      id: "irl-relu-properties",
      type: "multiple",
      prompt: "Which properties does ReLU have? Select all that apply.",
      options: [
        { id: "continuous", correct: true, text: "Continuous everywhere", feedback: "Right." },
        { id: "piecewise-linear", correct: true, text: "Piecewise linear", feedback: "Right: two pieces." },
        { id: "positively-homogeneous", correct: true, text: "ReLU(c·x) = c·ReLU(x) for all c ≥ 0", feedback: "Right: positive homogeneity." },
        { id: "additive", text: "ReLU(a + b) = ReLU(a) + ReLU(b) for all a, b", feedback: "Fails for a = 1, b = −1." },
        { id: "differentiable", text: "Differentiable everywhere", feedback: "Not at 0, where the slope jumps from 0 to 1." },
      ],
      explanation: "ReLU is continuous, piecewise linear (two pieces) and positively homogeneous, but not additive — so not linear — and not differentiable at 0.",
    }),
  ],
};
