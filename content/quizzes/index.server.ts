// Every quiz by id. The only module that lib/quiz reads content from.
import "server-only";
import type { QuizDef } from "@/lib/quiz/define";
import { isReluLinear } from "./is-relu-linear.server";
import { whyActivationFunctionsCheck } from "./checks/why-activation-functions.server";
import { sigmoidVanishingGradientCheck } from "./checks/sigmoid-vanishing-gradient.server";
import { reluCheck } from "./checks/relu.server";
import { deadReluLeakyReluCheck } from "./checks/dead-relu-leaky-relu.server";
import { isReluLinearCheck } from "./checks/is-relu-linear.server";

export const QUIZZES: readonly QuizDef[] = [
  isReluLinear,
  whyActivationFunctionsCheck,
  sigmoidVanishingGradientCheck,
  reluCheck,
  deadReluLeakyReluCheck,
  isReluLinearCheck,
];
