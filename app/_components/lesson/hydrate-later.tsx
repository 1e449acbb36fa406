"use client";
// Hydrates a lesson's interactive component after the page's first hydration pass instead of inside it: when
// it comes within a screen of the viewport, when the browser is idle, or when the learner points at or focuses
// it — whichever comes first. Until then the server's HTML stays on screen untouched (React keeps a Suspense
// boundary that suspends while hydrating "dehydrated"). The page's first hydration is one uninterruptible task
// that Lighthouse counts as blocking time; the deferred ones run later in React's time-sliced retry passes,
// a few milliseconds at a time (docs/decisions/064-lesson-rendering-budget.md).
// Client-side navigation renders the component at once: there is no server HTML to keep.
import { Suspense, use, useEffect, useId, useSyncExternalStore, type ReactNode } from "react";

const ATTRIBUTE = "data-hydrate-later";
const waiting = new Map<string, Promise<void>>();
const subscribeNothing = () => () => {};

function islandElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${ATTRIBUTE}="${CSS.escape(id)}"]`);
}

/** Resolves once the island with this id should hydrate (one promise per id, as `use` needs). */
function ready(id: string): Promise<void> {
  let promise = waiting.get(id);
  if (promise) return promise;
  promise = new Promise<void>((resolve) => {
    const el = islandElement(id);
    if (!el || typeof IntersectionObserver === "undefined") return resolve();
    // Every trigger below fires asynchronously, so `idle` is assigned before `go` can run.
    const go = () => {
      observer.disconnect();
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else clearTimeout(idle);
      for (const type of ["pointerover", "pointerdown", "focusin"]) el.removeEventListener(type, go);
      resolve();
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: "100% 0px" });
    observer.observe(el);
    for (const type of ["pointerover", "pointerdown", "focusin"]) el.addEventListener(type, go, { passive: true });
    const idle = window.requestIdleCallback ? window.requestIdleCallback(go, { timeout: 4000 }) : window.setTimeout(go, 1500);
  });
  waiting.set(id, promise);
  return promise;
}

function Gate({ id, children }: { id: string; children: ReactNode }) {
  // true only while hydrating server HTML (React then reads the server snapshot), false on a client render.
  const hydrating = useSyncExternalStore(subscribeNothing, () => false, () => true);
  if (hydrating && typeof document !== "undefined") use(ready(id));
  useEffect(() => {
    islandElement(id)?.setAttribute("data-hydrated", "true");
    waiting.delete(id);
  }, [id]);
  return children;
}

/** Wraps one interactive component of a lesson, or a lesson's whole body; see the file comment. */
export function HydrateLater({ children, className }: { children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={className} {...{ [ATTRIBUTE]: id }}>
      <Suspense fallback={null}>
        <Gate id={id}>{children}</Gate>
      </Suspense>
    </div>
  );
}
