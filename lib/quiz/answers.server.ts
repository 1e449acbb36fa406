// Checks each answer's shape against its question before grading. A malformed answer (empty, not a
// number, wrong shape) is reported with a message and never graded, so it costs no attempt.
import "server-only";
import { parseNumber } from "@/lib/math/format";
import { optionLetter, type Variant, type VariantQuestion } from "./variant.server";
import type { InvalidAnswer } from "./types";

/** Largest magnitude accepted in numeric and counterexample fields (beyond it float rounding muddies feedback). */
export const MAX_INPUT_MAGNITUDE = 1e9;
/** Longest string accepted for one number. */
const MAX_NUMBER_LENGTH = 64;

/** An answer that passed validation; option answers are positions in the shown order. */
export type ParsedAnswer =
  | { type: "single"; position: number }
  | { type: "multiple"; positions: number[] }
  | { type: "true-false"; value: boolean; position: number }
  | { type: "numeric"; value: number; raw: string }
  | { type: "counterexample"; values: Record<string, number>; raw: Record<string, string> };

type Check = { ok: true; answer: ParsedAnswer } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function positionOf(q: VariantQuestion, id: unknown): number | null {
  if (typeof id !== "string") return null;
  const pos = q.order.findIndex((_, i) => optionLetter(i) === id);
  return pos === -1 ? null : pos;
}

function parseField(raw: unknown, label: string): { ok: true; value: number; raw: string } | { ok: false; message: string } {
  const s = typeof raw === "number" ? String(raw) : raw;
  if (typeof s !== "string" || s.trim() === "") return { ok: false, message: `Enter a number for ${label}.` };
  if (s.length > MAX_NUMBER_LENGTH) return { ok: false, message: `${label} is too long to be a number.` };
  const value = parseNumber(s);
  if (value === null) return { ok: false, message: `“${s.trim()}” is not a number: use a form like -0.03, 3e-2 or 3/100 for ${label}.` };
  if (!Number.isFinite(value) || Math.abs(value) > MAX_INPUT_MAGNITUDE) return { ok: false, message: `Use a finite number between −10⁹ and 10⁹ for ${label}.` };
  return { ok: true, value, raw: s.trim() };
}

function checkOne(q: VariantQuestion, a: unknown): Check {
  const def = q.def;
  if (a === undefined || a === null) return { ok: false, message: "Answer this question before submitting." };
  if (!isObject(a)) return { ok: false, message: "This answer has the wrong shape." };
  switch (def.type) {
    case "single": {
      if (a.choice === undefined || a.choice === "") return { ok: false, message: "Choose one option." };
      const position = positionOf(q, a.choice);
      return position === null ? { ok: false, message: "Choose one of the options shown." } : { ok: true, answer: { type: "single", position } };
    }
    case "multiple": {
      if (!Array.isArray(a.choices)) return { ok: false, message: "Select at least one option." };
      if (a.choices.length === 0) return { ok: false, message: "Select at least one option." };
      const positions = a.choices.map((c) => positionOf(q, c));
      if (positions.some((p) => p === null)) return { ok: false, message: "Select only options that are shown." };
      return { ok: true, answer: { type: "multiple", positions: [...new Set(positions as number[])].sort((x, y) => x - y) } };
    }
    case "true-false": {
      if (typeof a.value !== "boolean") return { ok: false, message: "Choose true or false." };
      if (a.because === undefined || a.because === "") return { ok: false, message: "Choose a reason (“because …”) as well." };
      const position = positionOf(q, a.because);
      return position === null ? { ok: false, message: "Choose one of the reasons shown." } : { ok: true, answer: { type: "true-false", value: a.value, position } };
    }
    case "numeric": {
      const f = parseField(a.value, "the answer");
      return f.ok ? { ok: true, answer: { type: "numeric", value: f.value, raw: f.raw } } : f;
    }
    case "counterexample": {
      if (!isObject(a.values)) return { ok: false, message: `Enter ${def.fields.map((f) => f.label).join(" and ")}.` };
      const values: Record<string, number> = {};
      const raw: Record<string, string> = {};
      for (const field of def.fields) {
        const f = parseField(a.values[field.name], field.label);
        if (!f.ok) return f;
        values[field.name] = f.value;
        raw[field.name] = f.raw;
      }
      return { ok: true, answer: { type: "counterexample", values, raw } };
    }
  }
}

/** Validates every answer of a submission; answers is keyed by question id. */
export function validateAnswers(
  v: Variant,
  answers: Record<string, unknown>,
): { ok: true; parsed: ParsedAnswer[] } | { ok: false; invalid: InvalidAnswer[] } {
  const parsed: ParsedAnswer[] = [];
  const invalid: InvalidAnswer[] = [];
  for (const q of v.questions) {
    const r = checkOne(q, answers[q.def.id]);
    if (r.ok) parsed.push(r.answer);
    else invalid.push({ questionId: q.def.id, number: q.number, message: r.message });
  }
  return invalid.length === 0 ? { ok: true, parsed } : { ok: false, invalid };
}
