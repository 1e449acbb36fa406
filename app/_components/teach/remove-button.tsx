"use client";
// A confirm-then-DELETE button (remove a learner, delete an assignment); the page refreshes after.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReadyMarker } from "../ready-marker";
import styles from "../auth/forms.module.css";
import { callApi, failureMessage } from "./api";

export function RemoveButton({ path, label, confirmText }: { path: string; label: string; confirmText: string }) {
  const router = useRouter();
  const button = useReadyMarker<HTMLButtonElement>();
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    if (!window.confirm(confirmText)) return;
    try {
      await callApi(path, "DELETE");
      router.refresh();
    } catch (err) {
      setError(failureMessage(err));
    }
  }
  return (
    <>
      <button ref={button} type="button" className={styles.linkButton} onClick={onClick}>
        {label}
      </button>
      {error && (
        <span className={styles.error} role="alert">
          {" "}
          {error}
        </span>
      )}
    </>
  );
}
