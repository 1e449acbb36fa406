"use client";
// <Quiz id="…" /> in a lesson: the end-of-lesson check, taken in place. Only the id crosses from MDX;
// questions come from the API, so the lesson's static HTML and bundle hold no answers.
import Link from "next/link";
import { QuizRunner } from "./quiz-runner";
import styles from "./quiz.module.css";

const ID = /^[a-z0-9-]{1,100}$/;

export function Quiz({ id }: { id?: unknown }) {
  if (typeof id !== "string" || !ID.test(id)) {
    return (
      <p className={styles.error} role="alert">
        This quiz is misconfigured (its id is missing or invalid).
      </p>
    );
  }
  const headingId = `quiz-${id}-heading`;
  return (
    <section className={styles.box} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.boxTitle}>
        Check your understanding
      </h2>
      <QuizRunner quizId={id} headingLevel={3} />
      <p className={styles.muted}>
        <Link href={`/quizzes/${id}`}>Open this quiz on its own page</Link>
      </p>
    </section>
  );
}
