"use client";
// A learner joins a class with its code (ABCD-EFGH, any case, dash optional).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReadyMarker } from "../ready-marker";
import styles from "../auth/forms.module.css";
import { callApi, failureMessage } from "./api";

export function JoinForm({ initialCode = "", compact = false }: { initialCode?: string; compact?: boolean }) {
  const router = useRouter();
  const root = useReadyMarker<HTMLFormElement>();
  const [error, setError] = useState<string | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "");
    setBusy(true);
    setError(null);
    try {
      const r = await callApi<{ class: { name: string } }>("/api/classes/join", "POST", { code });
      setJoined(`You joined “${r.class.name}”.`);
      if (compact) router.push("/my");
      else router.refresh();
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={root} className={styles.form} data-testid="join-form" onSubmit={onSubmit} aria-labelledby={compact ? undefined : "join-heading"} aria-label={compact ? "Join this class" : undefined}>
      {!compact && <h2 id="join-heading">Join a class</h2>}
      <div className={styles.field} hidden={compact}>
        <label htmlFor="join-code">Join code</label>
        <input id="join-code" name="code" defaultValue={initialCode} required maxLength={20} autoComplete="off" placeholder="ABCD-EFGH" aria-invalid={error ? true : undefined} aria-describedby={error ? "join-error" : undefined} />
      </div>
      {error && (
        <p id="join-error" className={styles.error} role="alert">
          {error}
        </p>
      )}
      <p role="status" className={styles.success}>
        {joined ?? ""}
      </p>
      <button className={styles.button} type="submit" disabled={busy}>
        {busy ? "Joining…" : compact ? "Join this class" : "Join"}
      </button>
    </form>
  );
}
