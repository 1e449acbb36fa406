"use client";
// Assigns a quiz or lesson to the class: dates (entered in local time, sent as UTC), attempts, grading,
// late policy and when answers show. The server checks everything again and names the field at fault.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReadyMarker } from "../ready-marker";
import styles from "../auth/forms.module.css";
import { callApi, failureMessage, type ApiFailure } from "./api";

export type CatalogOption = { kind: "quiz" | "lesson"; id: string; title: string; graded: boolean; maxAttempts: number | null };

const toIso = (local: string): string | null => {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

export function AssignForm({ classId, items }: { classId: string; items: CatalogOption[] }) {
  const router = useRouter();
  const root = useReadyMarker<HTMLFormElement>();
  const [error, setError] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState(`${items[0]?.kind}:${items[0]?.id}`);
  const [late, setLate] = useState("closed");
  const isQuiz = target.startsWith("quiz:");
  const quizLimit = items.find((i) => `${i.kind}:${i.id}` === target)?.maxAttempts ?? null;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const [kind, ...rest] = f.target.split(":");
    const dueAt = toIso(f.dueAt);
    if (!dueAt) {
      setError({ message: "Enter a due date and time.", field: "dueAt" });
      return;
    }
    const openAt = f.openAt ? toIso(f.openAt) : undefined;
    const body = {
      kind,
      targetId: rest.join(":"),
      dueAt,
      ...(openAt ? { openAt } : {}),
      ...(kind === "quiz" ? { maxAttempts: f.maxAttempts ? Number(f.maxAttempts) : null, grading: f.grading, answersRelease: f.answersRelease } : {}),
      latePolicy: f.latePolicy,
      latePenaltyPct: f.latePolicy === "penalty" ? Number(f.latePenaltyPct || 0) : 0,
    };
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await callApi<{ assignment: { title: string } }>(`/api/classes/${classId}/assignments`, "POST", body);
      setDone(`Assigned “${r.assignment.title}”.`);
      router.refresh();
    } catch (err) {
      setError({ message: failureMessage(err), field: (err as ApiFailure).field });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string) => (error?.field === field ? { "aria-invalid": true as const, "aria-describedby": "assign-error" } : {});
  return (
    <form ref={root} className={`${styles.form} ${styles.wide}`} data-testid="assign-form" onSubmit={onSubmit} aria-labelledby="assign-heading">
      <h2 id="assign-heading">Assign a quiz or lesson</h2>
      <div className={styles.field}>
        <label htmlFor="assign-target">Quiz or lesson</label>
        <select id="assign-target" name="target" value={target} onChange={(e) => setTarget(e.target.value)} {...invalid("targetId")}>
          <optgroup label="Quizzes">
            {items.filter((i) => i.kind === "quiz").map((i) => (
              <option key={i.id} value={`quiz:${i.id}`}>
                {i.title}
                {i.graded ? "" : " (practice check)"}
              </option>
            ))}
          </optgroup>
          <optgroup label="Lessons">
            {items.filter((i) => i.kind === "lesson").map((i) => (
              <option key={i.id} value={`lesson:${i.id}`}>
                {i.title}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="assign-open">Opens (optional)</label>
          <input id="assign-open" name="openAt" type="datetime-local" {...invalid("openAt")} />
          <span className={styles.hint}>Leave empty to open now. Your local time.</span>
        </div>
        <div className={styles.field}>
          <label htmlFor="assign-due">Due</label>
          <input id="assign-due" name="dueAt" type="datetime-local" required {...invalid("dueAt")} />
          <span className={styles.hint}>Your local time.</span>
        </div>
      </div>
      {isQuiz && (
        <div className={styles.row}>
          <div className={styles.field}>
            <label htmlFor="assign-attempts">Attempts allowed</label>
            <input id="assign-attempts" name="maxAttempts" type="number" min={1} max={quizLimit ?? 20} placeholder="The quiz's own limit" aria-describedby="assign-attempts-hint" {...invalid("maxAttempts")} />
            <span id="assign-attempts-hint" className={styles.hint}>
              {quizLimit === null ? "Empty: unlimited." : `Empty: the quiz's own limit, ${quizLimit}.`}
            </span>
          </div>
          <div className={styles.field}>
            <label htmlFor="assign-grading">Grade by</label>
            <select id="assign-grading" name="grading" defaultValue="highest">
              <option value="highest">Highest attempt</option>
              <option value="latest">Latest attempt</option>
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor="assign-release">Show answers and explanations</label>
            <select id="assign-release" name="answersRelease" defaultValue="after_due">
              <option value="immediately">At once, after each attempt</option>
              <option value="after_due">After the due date</option>
              <option value="never">Never</option>
            </select>
          </div>
        </div>
      )}
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="assign-late">Late work</label>
          <select id="assign-late" name="latePolicy" value={late} onChange={(e) => setLate(e.target.value)}>
            <option value="closed">Not accepted after the due date</option>
            <option value="penalty">Accepted with a penalty</option>
          </select>
        </div>
        {late === "penalty" && (
          <div className={styles.field}>
            <label htmlFor="assign-penalty">Penalty (% off)</label>
            <input id="assign-penalty" name="latePenaltyPct" type="number" min={0} max={100} defaultValue={10} {...invalid("latePenaltyPct")} />
          </div>
        )}
      </div>
      {error && (
        <p id="assign-error" className={styles.error} role="alert">
          {error.message}
        </p>
      )}
      <p role="status" className={styles.success}>
        {done ?? ""}
      </p>
      <button className={styles.button} type="submit" disabled={busy}>
        {busy ? "Assigning…" : "Assign"}
      </button>
    </form>
  );
}
