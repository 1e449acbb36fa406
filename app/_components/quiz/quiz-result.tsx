"use client";
// A graded attempt: the score, then each question with the learner's answer, feedback and explanation.
import type { QuestionResult } from "@/lib/quiz/types";
import type { AttemptResponse } from "./api-client";
import styles from "./quiz.module.css";

const STATUS_TEXT = { correct: "Correct", partial: "Partly correct", incorrect: "Incorrect" } as const;
/** Points as shown: at most two decimals (1/3 of a point shows as 0.33). */
export const fmtPoints = (p: number) => String(Math.round(p * 100) / 100);

function QuestionOutcome({ r }: { r: QuestionResult }) {
  return (
    <li className={`${styles.outcome} ${styles[r.status]}`} data-question={r.questionId} data-status={r.status}>
      <h4 className={styles.outcomeTitle}>
        Question {r.number}: <span className={styles.statusText}>{STATUS_TEXT[r.status]}</span>{" "}
        <span className={styles.points}>
          ({fmtPoints(r.points)} / {fmtPoints(r.maxPoints)})
        </span>
      </h4>
      <dl className={styles.answerList}>
        <dt>Your answer</dt>
        <dd>{r.yourAnswer}</dd>
        {r.status !== "correct" && r.correctAnswer !== "" && (
          <>
            <dt>Correct answer</dt>
            <dd>{r.correctAnswer}</dd>
          </>
        )}
      </dl>
      {r.sides && (
        <table className={styles.sides}>
          <caption>Both sides at your numbers</caption>
          <tbody>
            <tr>
              <th scope="row">{r.sides.lhsLabel}</th>
              <td data-side="lhs">{r.sides.lhs}</td>
            </tr>
            <tr>
              <th scope="row">{r.sides.rhsLabel}</th>
              <td data-side="rhs">{r.sides.rhs}</td>
            </tr>
            <tr>
              <th scope="row">Equal?</th>
              <td>{r.sides.holds ? "Yes — the identity holds here" : "No — a counterexample"}</td>
            </tr>
          </tbody>
        </table>
      )}
      {r.feedback.map((f, i) => (
        <p key={i} className={styles.feedback}>
          {f}
        </p>
      ))}
      {r.explanation !== "" && (
        <p className={styles.explanation}>
          <strong>Explanation:</strong> {r.explanation}
        </p>
      )}
    </li>
  );
}

export function QuizResult({ attempt, headingLevel }: { attempt: AttemptResponse; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  // Set when a class assignment holds answers back (lib/classes/assignment-rules.server.ts).
  const hidden = (attempt as AttemptResponse & { answersHidden?: { until: string | null } }).answersHidden;
  return (
    <section className={styles.result} aria-labelledby={`result-${attempt.attemptId}`}>
      <H id={`result-${attempt.attemptId}`} className={styles.score} tabIndex={-1} data-testid="quiz-score">
        Score: {fmtPoints(attempt.score)} / {fmtPoints(attempt.maxScore)} ({attempt.percent}%)
      </H>
      <p className={styles.muted}>
        Attempt {attempt.attemptNumber}
        {attempt.maxAttempts !== null ? ` of ${attempt.maxAttempts}` : ""}, submitted {new Date(attempt.submittedAt).toLocaleString("en")}.
      </p>
      {hidden && (
        <p className={styles.muted} data-testid="answers-hidden">
          {hidden.until
            ? `Your instructor shows the correct answers and explanations after the due date (${new Date(hidden.until).toLocaleString("en")}).`
            : "Your instructor does not show the correct answers and explanations for this assignment."}
        </p>
      )}
      <ol className={styles.outcomes}>
        {attempt.questions.map((r) => (
          <QuestionOutcome key={r.questionId} r={r} />
        ))}
      </ol>
    </section>
  );
}
