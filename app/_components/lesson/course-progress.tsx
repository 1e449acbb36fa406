"use client";
// The course progress bar at the top of a lesson (lessons completed, and visited, out of all) and the
// "mark complete" control at its end. Records the visit on mount. State: ./progress-store (localStorage).
import { useEffect, useSyncExternalStore } from "react";
import { getProgress, getServerProgress, markVisited, setCompleted, subscribeProgress } from "./progress-store";
import styles from "./lesson-chrome.module.css";

type LessonRef = { slug: string; title: string };

function useProgress() {
  return useSyncExternalStore(subscribeProgress, getProgress, getServerProgress);
}

export function CourseProgress({ lessons, current }: { lessons: LessonRef[]; current: string }) {
  const progress = useProgress();
  // Recorded a task after mount: the write re-renders every progress reader, and in the task that runs the
  // lesson's mount effects after hydration that render made it a long task (docs/decisions/064).
  useEffect(() => {
    const later = setTimeout(() => markVisited(current), 0);
    return () => clearTimeout(later);
  }, [current]);
  const slugs = new Set(lessons.map((l) => l.slug));
  const completed = progress.completed.filter((s) => slugs.has(s)).length;
  const visited = progress.visited.filter((s) => slugs.has(s)).length;
  const total = lessons.length;
  return (
    <div className={styles.progress} data-testid="course-progress">
      <div className={styles.progressText} id="course-progress-label">
        Course progress: <strong data-testid="progress-completed">{completed}</strong> of {total} lessons completed,{" "}
        <span data-testid="progress-visited">{visited}</span> visited
      </div>
      <div
        className={styles.bar}
        role="progressbar"
        aria-labelledby="course-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={`${completed} of ${total} lessons completed, ${visited} visited`}
      >
        <div className={styles.barVisited} style={{ width: `${(visited / Math.max(1, total)) * 100}%` }} />
        <div className={styles.barDone} style={{ width: `${(completed / Math.max(1, total)) * 100}%` }} />
      </div>
    </div>
  );
}

export function CompleteLesson({ slug }: { slug: string }) {
  const progress = useProgress();
  const done = progress.completed.includes(slug);
  return (
    <div className={styles.complete}>
      <button type="button" className={done ? styles.doneButton : styles.button} aria-pressed={done} onClick={() => setCompleted(slug, !done)} data-testid="complete-lesson">
        {done ? "✓ Lesson completed" : "Mark this lesson complete"}
      </button>
      <p className={styles.small}>{done ? "Press again to mark it not complete." : "Your progress is kept in this browser."}</p>
    </div>
  );
}
