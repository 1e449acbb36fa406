"use client";
// Creates a class; on success the page refreshes to list it with its join code.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReadyMarker } from "../ready-marker";
import styles from "../auth/forms.module.css";
import { callApi, failureMessage } from "./api";

export function CreateClassForm() {
  const router = useRouter();
  const root = useReadyMarker<HTMLFormElement>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as { name: string; term: string };
    setBusy(true);
    setError(null);
    try {
      const { class: created } = await callApi<{ class: { id: string } }>("/api/classes", "POST", data);
      form.reset();
      router.push(`/teach/classes/${created.id}`);
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={root} className={styles.form} data-testid="create-class-form" onSubmit={onSubmit} aria-labelledby="create-class-heading">
      <h2 id="create-class-heading">Create a class</h2>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="class-name">Class name</label>
          <input id="class-name" name="name" required maxLength={100} placeholder="Deep learning 101" />
        </div>
        <div className={styles.field}>
          <label htmlFor="class-term">Term</label>
          <input id="class-term" name="term" required maxLength={60} placeholder="Spring 2027" />
        </div>
      </div>
      <button className={styles.button} type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create class"}
      </button>
    </form>
  );
}
