// One quantile for the scripts that report latencies (the reliability runs, SERVER_STATS).

/** The q-th quantile (0–1) of a list of numbers, nearest-rank; NaN for an empty list. */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
