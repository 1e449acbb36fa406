"use client";
// Sign-in and sign-up forms posting to better-auth's endpoints; errors are shown beside the form and
// focus moves to them so screen-reader users hear what went wrong. method="post": a submit that lands before
// React listens (slow network, no JavaScript) must not put the password into the address as a GET would.
import { useRef, useState } from "react";
import { useReadyMarker } from "../ready-marker";
import styles from "./forms.module.css";

type Mode = "sign-in" | "sign-up";
type Props = { mode: Mode; next?: string };

/** Only same-site paths are followed after signing in (no open redirect). */
function safeNext(next: string | undefined, role: string | undefined): string {
  if (next && next.startsWith("/") && !next.startsWith("//")) return next;
  return role === "instructor" ? "/teach" : "/my";
}

export function AuthForm({ mode, next }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const form = useReadyMarker<HTMLFormElement>();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(mode === "sign-up" ? { name: data.name, email: data.email, password: data.password, role: data.role } : { email: data.email, password: data.password }),
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string; user?: { role?: string } };
      if (!res.ok) {
        setError(res.status === 429 ? "Too many attempts. Wait a minute, then try again." : (body.message ?? "That did not work. Check the form and try again."));
        setBusy(false);
        requestAnimationFrame(() => errorRef.current?.focus());
        return;
      }
      // A full navigation so the header's account menu and the learner cookie are fresh.
      window.location.assign(safeNext(next, body.user?.role ?? data.role));
    } catch {
      setError("The network failed. Check your connection and try again.");
      setBusy(false);
    }
  }

  const signUp = mode === "sign-up";
  return (
    <form ref={form} className={styles.form} data-testid="auth-form" method="post" onSubmit={onSubmit} noValidate={false} aria-describedby={error ? "auth-error" : undefined}>
      <noscript>
        <p className={styles.error}>{signUp ? "Creating an account" : "Signing in"} needs JavaScript. Turn it on, then reload this page.</p>
      </noscript>
      {error && (
        <p id="auth-error" className={styles.error} role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      )}
      {signUp && (
        <div className={styles.field}>
          <label htmlFor="name">Name</label>
          <input id="name" name="name" autoComplete="name" required maxLength={100} />
        </div>
      )}
      <div className={styles.field}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required maxLength={254} />
      </div>
      <div className={styles.field}>
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete={signUp ? "new-password" : "current-password"} required minLength={8} maxLength={128} aria-describedby={signUp ? "password-hint" : undefined} />
        {signUp && (
          <span id="password-hint" className={styles.hint}>
            At least 8 characters.
          </span>
        )}
      </div>
      {signUp && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>I am</legend>
          <label>
            <input type="radio" name="role" value="learner" defaultChecked /> a learner
          </label>
          <label>
            <input type="radio" name="role" value="instructor" /> an instructor (I create classes)
          </label>
        </fieldset>
      )}
      <button className={styles.button} type="submit" disabled={busy}>
        {busy ? (signUp ? "Creating your account…" : "Signing in…") : signUp ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}
