// Builds the fully correct answers for a variant — for tests of the keys and of grading, never for learners.
import "server-only";
import { flag } from "./define";
import { optionLetter, type Variant } from "./variant.server";

const CANDIDATES = [-2, -1, 0, 1, 2, 3];

/** Answers (as the API takes them) that earn full marks on this variant. */
export function keyAnswers(v: Variant): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of v.questions) {
    const { def, params: p } = q;
    const right = (opts: { correct?: boolean | ((p: never) => boolean) }[]) =>
      q.order.map((k, pos) => (flag(opts[k].correct as boolean | ((p: unknown) => boolean), p) ? optionLetter(pos) : null)).filter((x): x is string => x !== null);
    switch (def.type) {
      case "single":
        out[def.id] = { choice: right(def.options)[0] };
        break;
      case "multiple":
        out[def.id] = { choices: right(def.options) };
        break;
      case "true-false":
        out[def.id] = { value: flag(def.answer, p), because: right(def.because)[0] };
        break;
      case "numeric":
        out[def.id] = { value: String(def.answer(p)) };
        break;
      case "counterexample": {
        // Search a small grid for numbers that break the identity.
        const names = def.fields.map((f) => f.name);
        const grid = names.reduce<Record<string, number>[]>((acc, n) => acc.flatMap((o) => CANDIDATES.map((c) => ({ ...o, [n]: c }))), [{}]);
        const found = grid.find((vals) => !def.evaluate(vals, p).holds);
        if (!found) throw new Error(`no counterexample on the grid for ${def.id}`);
        out[def.id] = { values: Object.fromEntries(names.map((n) => [n, String(found[n])])) };
        break;
      }
    }
  }
  return out;
}
