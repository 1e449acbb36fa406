"use client";
// The header's account menu. It fetches the session after mount so that the layout and the statically
// generated lesson pages never read cookies on the server.
import Link from "next/link";
import { useEffect, useState } from "react";
import styles from "./user-menu.module.css";
import { useProgressSync } from "./use-progress-sync";

type Me = { id: string; name: string; role: "instructor" | "learner" } | null;

export function UserMenu() {
  const [me, setMe] = useState<Me | undefined>(undefined);
  useProgressSync(me?.role === "learner");

  useEffect(() => {
    let live = true;
    fetch("/api/me", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : { user: null }))
      .then((b: { user: Me }) => live && setMe(b.user))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, []);

  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    window.location.assign("/");
  }

  if (me === undefined) return <span className={styles.placeholder} aria-hidden="true" />;
  if (me === null) {
    return (
      <span className={styles.menu}>
        <Link href="/sign-in">Sign in</Link>
        <Link href="/sign-up">Sign up</Link>
      </span>
    );
  }
  return (
    <span className={styles.menu}>
      {me.role === "instructor" ? <Link href="/teach">My classes</Link> : <Link href="/my">My assignments</Link>}
      <span className={styles.name} title="Signed in">
        {me.name}
      </span>
      <button type="button" className={styles.signOut} onClick={signOut}>
        Sign out
      </button>
    </span>
  );
}
