"use client";
// Keeps the lesson progress of a signed-in learner in their account: on load the account's completions are
// added to this browser's store, the browser's visits and completions are sent up, and later changes
// follow (debounced). The account never forgets a completion (PUT /api/progress merges, earliest date wins).
import { useEffect } from "react";
import { getProgress, setCompleted, markVisited, subscribeProgress, type Progress } from "../lesson/progress-store";

type Remote = { lessons: Record<string, { completedAt: string | null }> };

function payload(p: Progress, now: string): Remote {
  const lessons: Remote["lessons"] = {};
  for (const slug of p.visited) lessons[slug] = { completedAt: null };
  for (const slug of p.completed) lessons[slug] = { completedAt: now };
  return { lessons };
}

async function push(p: Progress): Promise<void> {
  if (p.visited.length === 0 && p.completed.length === 0) return;
  await fetch("/api/progress", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(payload(p, new Date().toISOString())) });
}

/** Runs the sync while `enabled` (a signed-in user). */
export function useProgressSync(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      const res = await fetch("/api/progress", { cache: "no-store" });
      if (!res.ok || !live) return;
      const remote = (await res.json()) as Remote;
      const local = getProgress();
      for (const [slug, { completedAt }] of Object.entries(remote.lessons)) {
        if (completedAt && !local.completed.includes(slug)) setCompleted(slug, true);
        else if (!local.visited.includes(slug)) markVisited(slug);
      }
      await push(getProgress());
    })().catch(() => {
      // Offline or signed out meanwhile: the browser keeps its own copy and syncs next time.
    });
    const unsubscribe = subscribeProgress(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void push(getProgress()).catch(() => undefined), 500);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [enabled]);
}
