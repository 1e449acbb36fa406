// A per-key sliding-window counter (in memory, per process). Used to limit sign-in attempts per account,
// which holds even when a client forges X-Forwarded-For to dodge better-auth's per-address limit.

export type Throttle = {
  /** Counts one attempt for `key`; refused (with seconds to wait) once `max` fall inside the window. */
  hit: (key: string) => { allowed: true } | { allowed: false; retryAfter: number };
  /** Forgets `key` (after a successful sign-in). */
  reset: (key: string) => void;
};

export function createThrottle({ max, windowMs, now = Date.now, maxKeys = 100_000 }: { max: number; windowMs: number; now?: () => number; maxKeys?: number }): Throttle {
  const hits = new Map<string, number[]>();
  return {
    hit(key) {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((x) => t - x < windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return { allowed: false, retryAfter: Math.max(1, Math.ceil((recent[0] + windowMs - t) / 1000)) };
      }
      recent.push(t);
      hits.delete(key); // re-insert so the Map's order is least-recently-used first
      hits.set(key, recent);
      if (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return { allowed: true };
    },
    reset(key) {
      hits.delete(key);
    },
  };
}
