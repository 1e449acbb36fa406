// Keeps a calculator's inputs in the query string under its own prefix, so a copied link reproduces it.
// Reads once after hydration (the server renders the lesson's defaults) and writes with replaceState on
// every change, so the back button is not flooded with one entry per keystroke.

/** Reads `${prefix}-${name}` for each name from the current address; missing names are left out. */
export function readUrlState<K extends string>(prefix: string, names: readonly K[]): Partial<Record<K, string>> {
  const params = new URLSearchParams(window.location.search);
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const v = params.get(`${prefix}-${name}`);
    if (v !== null) out[name] = v;
  }
  return out;
}

/** Writes the values under the prefix (undefined removes one) and replaces the current history entry. */
export function writeUrlState(prefix: string, values: Record<string, string | undefined>): void {
  const url = new URL(window.location.href);
  for (const [name, v] of Object.entries(values)) {
    if (v === undefined) url.searchParams.delete(`${prefix}-${name}`);
    else url.searchParams.set(`${prefix}-${name}`, v);
  }
  window.history.replaceState(window.history.state, "", url);
}

/** The query string (with leading "?") that reproduces the values under the prefix, for a visible link. */
export function urlStateQuery(prefix: string, values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, v] of Object.entries(values)) if (v !== undefined) params.set(`${prefix}-${name}`, v);
  return `?${params.toString()}`;
}
