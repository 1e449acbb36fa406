// Well-formed answers for the grading benchmarks (not necessarily right: grading costs the same either way).
import type { PublicQuestion } from "../../lib/quiz/types";

/** An answer of the right shape for question q; `i` varies the choice between learners. */
export function answerFor(q: PublicQuestion, i: number): unknown {
  switch (q.type) {
    case "single":
      return { choice: q.options[i % q.options.length].id };
    case "multiple":
      return { choices: [q.options[0].id, q.options[(i + 1) % q.options.length].id] };
    case "true-false":
      return { value: i % 2 === 0, because: q.because[i % q.because.length].id };
    case "numeric":
      return { value: i % 3 === 0 ? "-0.03" : i % 3 === 1 ? "3e-2" : "3/100" };
    case "counterexample":
      return { values: Object.fromEntries(q.fields.map((f, k) => [f.name, k === 0 ? "1" : "-1"])) };
  }
}
