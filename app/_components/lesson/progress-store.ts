// Course progress for anonymous learners, kept in this browser's localStorage: which lessons were visited and
// which were marked complete. One small store read through useSyncExternalStore, so every component on the
// page (the bar at the top, the button at the end) shows the same state, and other tabs follow via "storage".
// The classes issue moves this to the account; components only use the functions below.

export type Progress = { visited: readonly string[]; completed: readonly string[] };

const KEY = "course-progress:v1";
const EVENT = "course-progress-change";
const EMPTY: Progress = { visited: [], completed: [] };

let cachedRaw: string | null | undefined;
let cached: Progress = EMPTY;

/** Parses stored JSON defensively: anything malformed reads as no progress rather than an error. */
export function parseProgress(raw: string | null): Progress {
  if (!raw) return EMPTY;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return EMPTY;
    const list = (x: unknown) => (Array.isArray(x) ? [...new Set(x.filter((s): s is string => typeof s === "string"))] : []);
    const o = v as Record<string, unknown>;
    return { visited: list(o.visited), completed: list(o.completed) };
  } catch {
    return EMPTY;
  }
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled (private mode, blocked cookies): progress simply is not kept
  }
}

/** The current progress (a stable object until it changes, as useSyncExternalStore requires). */
export function getProgress(): Progress {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseProgress(raw);
  }
  return cached;
}

/** What the server renders: no progress (it cannot see the browser's storage). */
export function getServerProgress(): Progress {
  return EMPTY;
}

export function subscribeProgress(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) onChange();
  };
  window.addEventListener(EVENT, onChange);
  // Other tabs' changes arrive as "storage" events. Registering for them took ~5 ms in profiles, inside the
  // one task that runs a lesson's mount effects after hydration, so it happens a task later; onChange then
  // re-reads the store once, in case another tab wrote in between (a no-op when nothing changed).
  const later = setTimeout(() => {
    window.addEventListener("storage", onStorage);
    onChange();
  }, 0);
  return () => {
    clearTimeout(later);
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(EVENT, onChange);
  };
}

function write(next: Progress): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: keep working without saving.
  }
  window.dispatchEvent(new Event(EVENT));
}

/** Records a visit to lesson `slug` (idempotent). */
export function markVisited(slug: string): void {
  const p = getProgress();
  if (p.visited.includes(slug)) return;
  write({ ...p, visited: [...p.visited, slug] });
}

/** Marks lesson `slug` complete (and visited), or not complete. */
export function setCompleted(slug: string, done: boolean): void {
  const p = getProgress();
  const completed = done ? [...new Set([...p.completed, slug])] : p.completed.filter((s) => s !== slug);
  const visited = p.visited.includes(slug) ? p.visited : [...p.visited, slug];
  write({ visited, completed });
}
