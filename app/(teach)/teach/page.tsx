// The instructor's classes and a form to create one.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page.server";
import { listTeachingClasses } from "@/lib/classes/classes.server";
import { CreateClassForm } from "@/app/_components/teach/create-class-form";
import styles from "@/app/_components/teach/teach.module.css";

export const metadata: Metadata = { title: "My classes" };

export default async function TeachPage() {
  const { ctx, user } = await requirePageUser("/teach");
  if (user.role !== "instructor") {
    return (
      <>
        <h1>My classes</h1>
        <p>This page is for instructors. Your assignments are on <Link href="/my">My assignments</Link>.</p>
      </>
    );
  }
  const classes = await listTeachingClasses(ctx.db, user);
  return (
    <>
      <h1>My classes</h1>
      {classes.length === 0 ? (
        <p className="muted">You have no classes yet. Create one below; learners join it with its code.</p>
      ) : (
        <ul className={styles.list}>
          {classes.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link href={`/teach/classes/${c.id}`}>{c.name}</Link>
              </h2>
              <p className="muted">
                {c.term} · {c.members} {c.members === 1 ? "learner" : "learners"} · {c.assignments} {c.assignments === 1 ? "assignment" : "assignments"} · code <code>{c.joinCode}</code>
              </p>
              <p>
                <Link href={`/teach/classes/${c.id}/gradebook`}>Gradebook</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.panel}>
        <CreateClassForm />
      </div>
    </>
  );
}
