// Seeded pseudo-random numbers for quiz variants: the same seed gives the same parameters and option
// order on every server, so a variant is stored as its seed alone. Pure.

/** A generator of uniform numbers in [0, 1) with helpers for drawing quiz parameters. */
export type Rng = {
  next: () => number;
  /** Integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  /** Non-zero integer in [min, max]. */
  nonZeroInt: (min: number, max: number) => number;
  /** One of the items. */
  pick: <T>(items: readonly T[]) => T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[];
};

/** mulberry32: 32-bit state, good enough spread for drawing small quiz parameters. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    nonZeroInt(min, max) {
      if (min === 0 && max === 0) throw new RangeError("no non-zero integer in [0, 0]");
      for (;;) {
        const v = int(min, max);
        if (v !== 0) return v;
      }
    },
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/** Derives an independent seed for one part (e.g. one question) from a variant seed, so adding a
 * question does not change the numbers of the others. FNV-1a over the label, mixed with the seed. */
export function subSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
