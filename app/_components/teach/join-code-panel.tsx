"use client";
// The class's join code and link, with a rotate button (the old code stops working at once).
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "../auth/forms.module.css";
import teach from "./teach.module.css";
import { callApi, failureMessage } from "./api";

export function JoinCodePanel({ classId, joinCode }: { classId: string; joinCode: string }) {
  const router = useRouter();
  const [code, setCode] = useState(joinCode);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const path = `/join/${code}`;

  async function rotate() {
    if (!window.confirm("Make a new join code? The current code and link stop working.")) return;
    try {
      const r = await callApi<{ joinCode: string }>(`/api/classes/${classId}/code`, "POST");
      setCode(r.joinCode);
      setStatus({ ok: true, text: "New code made. The old one no longer works." });
      router.refresh();
    } catch (err) {
      setStatus({ ok: false, text: failureMessage(err) });
    }
  }

  return (
    <section aria-labelledby="code-heading" className={teach.panel}>
      <h2 id="code-heading">Join code</h2>
      <p>
        Learners join with the link <a href={path}>{path}</a> on this site, or by entering the code on their assignments page:
      </p>
      <p className={teach.code} data-testid="join-code">
        {code}
      </p>
      <div className={styles.row}>
        <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={() => navigator.clipboard?.writeText(`${window.location.origin}${path}`).then(() => setStatus({ ok: true, text: "Join link copied." }))}>
          Copy join link
        </button>
        <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={rotate}>
          Make a new code
        </button>
      </div>
      <p role="status" className={status?.ok === false ? styles.error : styles.success}>
        {status?.text ?? ""}
      </p>
    </section>
  );
}
