"use client";
// The learner's previous attempts at this quiz, newest last.
import type { AttemptResponse } from "./api-client";
import { fmtPoints } from "./quiz-result";
import styles from "./quiz.module.css";

export function AttemptHistory({ attempts, headingLevel }: { attempts: AttemptResponse[]; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={styles.history} aria-label="Your attempts">
      <H className={styles.historyTitle}>Your attempts</H>
      {attempts.length === 0 ? (
        <p className={styles.muted}>No graded attempts yet.</p>
      ) : (
        <table className={styles.historyTable}>
          <thead>
            <tr>
              <th scope="col">Attempt</th>
              <th scope="col">Score</th>
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.attemptId}>
                <td>{a.attemptNumber}</td>
                <td>
                  {fmtPoints(a.score)} / {fmtPoints(a.maxScore)} ({a.percent}%)
                </td>
                <td>{new Date(a.submittedAt).toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
