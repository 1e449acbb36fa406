// Turns a quiz definition and a seed into a concrete variant (parameters drawn, options shuffled), and
// strips it to what the browser may see.
import "server-only";
import { createRng, subSeed } from "./rng";
import { text, type AnyQuestion, type QuizDef } from "./define";
import type { PublicQuestion, PublicVariant } from "./types";

/** One question of a variant: its parameters and the shown order of its options (indexes into the definition). */
export type VariantQuestion = { def: AnyQuestion; number: number; params: unknown; order: number[] };

export type Variant = { quiz: QuizDef; seed: number; questions: VariantQuestion[] };

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The opaque id of the option shown at a position. */
export function optionLetter(position: number): string {
  return LETTERS[position];
}

function optionCount(def: AnyQuestion): number {
  if (def.type === "single" || def.type === "multiple") return def.options.length;
  if (def.type === "true-false") return def.because.length;
  return 0;
}

/** Draws a variant: each question has its own sub-seed so editing one question leaves the others' numbers alone. */
export function instantiate(quiz: QuizDef, seed: number): Variant {
  const questions = quiz.questions.map((def, i) => {
    const rng = createRng(subSeed(seed, def.id));
    const params = def.params ? def.params(rng) : undefined;
    const n = optionCount(def);
    const identity = Array.from({ length: n }, (_, k) => k);
    const shuffle = def.type === "single" || def.type === "multiple" ? def.shuffle !== false : n > 0;
    return { def, number: i + 1, params, order: shuffle ? rng.shuffle(identity) : identity };
  });
  return { quiz, seed, questions };
}

function publicQuestion(q: VariantQuestion): PublicQuestion {
  const { def, params: p, number } = q;
  const base = { id: def.id, number, prompt: text(def.prompt, p), hints: (def.hints ?? []).map((h) => text(h, p)), points: def.points ?? 1 };
  switch (def.type) {
    case "single":
    case "multiple":
      return { ...base, type: def.type, options: q.order.map((k, pos) => ({ id: optionLetter(pos), text: text(def.options[k].text, p) })) };
    case "true-false":
      return { ...base, type: "true-false", statement: text(def.statement, p), because: q.order.map((k, pos) => ({ id: optionLetter(pos), text: text(def.because[k].text, p) })) };
    case "numeric":
      return { ...base, type: "numeric", unit: def.unit };
    case "counterexample":
      return { ...base, type: "counterexample", fields: def.fields.map((f) => ({ name: f.name, label: f.label })), identity: text(def.identity, p) };
  }
}

/** The variant as the browser may see it: prompts, shown options and fields — no answers, keys, tolerances or explanations. */
export function toPublicVariant(v: Variant, variantId: string, attemptNumber: number): PublicVariant {
  return { quizId: v.quiz.id, title: v.quiz.title, variantId, attemptNumber, questions: v.questions.map(publicQuestion) };
}
