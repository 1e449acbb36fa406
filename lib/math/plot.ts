// Geometry for the SVG plots: sampling a function into line segments (split at kinks so a jump in f′ is
// not drawn as a steep line), linear and log scales, "nice" tick values, and SVG path strings. Pure.

/** A point [x, y] in data units. */
export type Point = [number, number];

/** Options for sampleCurve: number of intervals, x values where f is not smooth, and whether to break the line there. */
export type SampleOptions = { samples?: number; kinks?: readonly number[]; split?: boolean };

/**
 * Samples f on [xMin, xMax] into segments of points. Kinks inside the range are always sampled exactly;
 * with `split`, the line is broken there and each side ends at its one-sided limit (for f′'s jumps).
 * Non-finite values break the line too.
 */
export function sampleCurve(f: (x: number) => number, xMin: number, xMax: number, options: SampleOptions = {}): Point[][] {
  if (!(xMax > xMin)) throw new RangeError("xMax must be greater than xMin");
  const n = options.samples ?? 200;
  const inside = (options.kinks ?? []).filter((k) => k > xMin && k < xMax);
  const xs = new Set<number>();
  for (let i = 0; i <= n; i++) xs.add(xMin + ((xMax - xMin) * i) / n);
  for (const k of inside) xs.add(k);
  const sorted = [...xs].sort((a, b) => a - b);
  const eps = (xMax - xMin) * 1e-9;
  const segments: Point[][] = [];
  let current: Point[] = [];
  const flush = () => {
    if (current.length > 0) segments.push(current);
    current = [];
  };
  for (const x of sorted) {
    if (options.split && inside.includes(x)) {
      current.push([x, f(x - eps)]);
      flush();
      current.push([x, f(x + eps)]);
      continue;
    }
    const y = f(x);
    if (Number.isFinite(y)) current.push([x, y]);
    else flush();
  }
  flush();
  return segments.filter((s) => s.length > 1);
}

/** A linear map from the domain [d0, d1] onto the range [r0, r1] (r0 > r1 is fine: SVG's y grows downwards). */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A map from [d0, d1] (both > 0) onto [r0, r1] that is linear in log10 — for gradients spanning many decades. */
export function logScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const lin = linearScale(Math.log10(d0), Math.log10(d1), r0, r1);
  return (v) => lin(Math.log10(v));
}

/** Round tick values (steps of 1, 2 or 5 × 10^k) covering [min, max] with at most about `count` ticks. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.ceil(min / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i * step <= max + step * 1e-9; i++) {
    // Rounding to the step's precision avoids ticks like 0.30000000000000004.
    const v = Number((i * step).toPrecision(12));
    ticks.push(Object.is(v, -0) ? 0 : v);
  }
  return ticks;
}

/** Powers of ten 10^k for k from ⌈log10 min⌉ to ⌊log10 max⌋, thinned so at most `count` remain. */
export function logTicks(min: number, max: number, count = 6): number[] {
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const ticks: number[] = [];
  // Number("1e-7") is the exact literal; 10 ** -7 is not (1.0000000000000001e-7).
  for (let k = hi; k >= lo; k -= every) ticks.unshift(Number(`1e${k}`));
  return ticks;
}

/** The smallest and largest y over all segments, padded by `pad` × the span (or ±1 when flat). */
export function yExtent(segments: readonly Point[][], pad = 0.08): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const seg of segments) for (const [, y] of seg) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  if (hi - lo < 1e-12) return [lo - 1, hi + 1];
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}

/** An SVG path "M x y L x y …" for one segment, in pixels rounded to 0.01. */
export function svgPath(points: readonly Point[], sx: (x: number) => number, sy: (y: number) => number): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${round2(sx(x))} ${round2(sy(y))}`).join("");
}

/** Clamps v into [min, max]. */
export function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

/** Rounds v to the nearest multiple of step (from 0), removing floating-point dust. */
export function snapToStep(v: number, step: number): number {
  const s = Math.round(v / step) * step;
  return Number(s.toPrecision(12));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
