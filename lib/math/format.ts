// How every number reaches a learner (6 significant digits, a true minus sign, "undefined" for NaN) and
// how typed numbers come back in: one pair of functions so what is shown can always be typed back.

const MINUS = "\u2212";
const DEFAULT_SIGNIFICANT = 6;

/** Mantissa digits and decimal exponent of |x| rounded to `significant` digits, e.g. ["9.53674", -7]. */
function roundedParts(a: number, significant: number): [string, number] {
  const [mantissa, exponent] = a.toExponential(significant - 1).split("e");
  return [mantissa, Number(exponent)];
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** The digits of a plain decimal string from its first non-zero digit on, the point not counted (trailing
 * zeros of an integer counted too, which only sends more numbers down the general path). */
function significantDigits(plain: string): number {
  let count = 0;
  let started = false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c === 46) continue; // "."
    if (!started && c === 48) continue; // a leading "0"
    started = true;
    count++;
  }
  return count;
}

/**
 * The display form of x: `significant` (default 6, clamped to 1–17) significant digits with trailing zeros
 * trimmed, "−" (U+2212) for negatives, exponent form like "9.53674e−7" when the rounded |x| is below 1e-4
 * or at least 1e6, "0" for ±0, "undefined" for NaN and "∞"/"−∞" for ±Infinity.
 */
export function formatNumber(x: number, options?: { significant?: number }): string {
  if (typeof x !== "number" || Number.isNaN(x)) return "undefined";
  if (x === 0) return "0";
  const sign = x < 0 ? MINUS : "";
  const a = Math.abs(x);
  if (a === Infinity) return `${sign}∞`;
  const requested = options?.significant;
  const significant =
    requested === undefined || !Number.isFinite(requested) ? DEFAULT_SIGNIFICANT : Math.min(17, Math.max(1, Math.round(requested)));
  // The common case, by the shortest decimal that round-trips: |x| rounded to at most 15 digits is that decimal
  // itself, and JavaScript writes numbers from 1e-4 up to 1e6 without an exponent (same digits as below).
  if (significant <= 15) {
    // Shorter still when x's own shortest decimal has no more digits than asked for: rounding cannot change
    // it (toPrecision falls back to big-number arithmetic for many inputs, a hot spot when grading).
    if (a >= 1e-4 && a < 1e6) {
      const shortest = String(a);
      if (significantDigits(shortest) <= significant) return `${sign}${shortest}`;
    }
    const rounded = Number(a.toPrecision(significant));
    if (rounded >= 1e-4 && rounded < 1e6) return `${sign}${rounded}`;
  }
  const [mantissa, exponent] = roundedParts(a, significant);
  if (exponent < -4 || exponent >= 6) {
    const e = exponent < 0 ? `${MINUS}${-exponent}` : String(exponent);
    return `${sign}${trimZeros(mantissa)}e${e}`;
  }
  // Place the decimal point in the rounded digits by hand: toFixed would show every integer digit.
  const digits = mantissa.replace(".", "");
  const fixed =
    exponent >= 0
      ? digits.slice(0, exponent + 1).padEnd(exponent + 1, "0") + (digits.length > exponent + 1 ? `.${digits.slice(exponent + 1)}` : "")
      : `0.${"0".repeat(-exponent - 1)}${digits}`;
  return `${sign}${trimZeros(fixed)}`;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:∞|Infinity)$/;

function parseDecimal(s: string): number | null {
  if (!DECIMAL.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

/**
 * The number a learner typed, or null when it is empty or not a number. Accepts decimals ("−0.03", "-0.03",
 * ".5"), exponents ("3e-2", "9.53674e−7"), fractions ("3/100"), "∞" and surrounding spaces; accepts both
 * "-" and "−" (U+2212); rejects values that overflow float64 and division by zero.
 */
export function parseNumber(s: string): number | null {
  if (typeof s !== "string") return null;
  const t = s.trim().replace(/\u2212/g, "-");
  if (t === "") return null;
  const inf = INFINITY.exec(t);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  const slash = t.indexOf("/");
  if (slash === -1) return parseDecimal(t);
  const numerator = parseDecimal(t.slice(0, slash).trim());
  const denominator = parseDecimal(t.slice(slash + 1).trim());
  if (numerator === null || denominator === null || denominator === 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}
