"use client";
// Takes a quiz through the API: loads this learner's variant, keeps draft answers (also across reloads),
// shows progress, submits with an Idempotency-Key, then the score, explanations, history and a retry.
import { useCallback, useEffect, useRef, useState } from "react";
import type { QuizState } from "@/lib/quiz/types";
import { fetchAttempts, fetchQuizState, submitAnswers, type AttemptResponse } from "./api-client";
import { useReadyMarker } from "../ready-marker";
import { AttemptHistory } from "./attempt-history";
import { draftToAnswer, isAnswered, QuestionField, type Draft } from "./question-field";
import { QuizResult } from "./quiz-result";
import styles from "./quiz.module.css";

type Phase = { kind: "loading" } | { kind: "load-error"; message: string } | { kind: "ready"; state: QuizState } | { kind: "graded"; state: QuizState; attempt: AttemptResponse };

type Props = { quizId: string; initialState?: QuizState | null; headingLevel?: 2 | 3 };

const draftKey = (variantId: string) => `quiz-draft:${variantId}`;

function readDrafts(variantId: string): Record<string, Draft> {
  try {
    return JSON.parse(window.localStorage.getItem(draftKey(variantId)) ?? "{}") as Record<string, Draft>;
  } catch {
    return {};
  }
}

export function QuizRunner({ quizId, initialState = null, headingLevel = 2 }: Props) {
  const [phase, setPhase] = useState<Phase>(initialState ? { kind: "ready", state: initialState } : { kind: "loading" });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempts, setAttempts] = useState<AttemptResponse[] | null>(null);
  const lastSubmission = useRef<{ body: string; key: string } | null>(null);
  // Every phase renders the same root <div>, so its data-ready mark (React is listening) stays put.
  const root = useReadyMarker<HTMLDivElement>();
  const variantId = phase.kind === "ready" ? phase.state.variant?.variantId : undefined;

  const refreshHistory = useCallback(async () => {
    const r = await fetchAttempts(quizId);
    if (r.ok) setAttempts(r.data.attempts);
  }, [quizId]);

  const load = useCallback(async () => {
    setPhase({ kind: "loading" });
    const r = await fetchQuizState(quizId);
    setPhase(r.ok ? { kind: "ready", state: r.data } : { kind: "load-error", message: r.error.error.message });
  }, [quizId]);

  useEffect(() => {
    // Runs once on mount: the variant comes from the server (it sets the learner cookie on first visit).
    // The requests start in a task of their own: in a lesson, mount effects run in one task after hydration,
    // and starting fetches there made it a long task (docs/decisions/064).
    const start = setTimeout(() => {
      if (!initialState) void load();
      void refreshHistory();
    }, 0);
    return () => clearTimeout(start);
  }, [initialState, load, refreshHistory]);

  useEffect(() => {
    if (!variantId) return;
    setDrafts(readDrafts(variantId));
    setErrors({});
    lastSubmission.current = null;
  }, [variantId]);

  const gradedId = phase.kind === "graded" ? phase.attempt.attemptId : undefined;
  useEffect(() => {
    // Move focus to the score once it is on screen, so keyboard and screen-reader users land on the result.
    if (gradedId) root.current?.querySelector<HTMLElement>("[data-testid=quiz-score]")?.focus();
  }, [gradedId, root]); // root: the same ref object on every render

  function change(qid: string, d: Draft) {
    setDrafts((prev) => {
      const next = { ...prev, [qid]: d };
      if (variantId) {
        try {
          window.localStorage.setItem(draftKey(variantId), JSON.stringify(next));
        } catch {
          // Storage full or disabled: the draft still lives in memory.
        }
      }
      return next;
    });
    if (errors[qid]) setErrors(({ [qid]: _, ...rest }) => rest);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (phase.kind !== "ready" || !phase.state.variant || submitting) return;
    const v = phase.state.variant;
    const answers: Record<string, unknown> = {};
    for (const q of v.questions) {
      const a = draftToAnswer(q, drafts[q.id]);
      if (a !== undefined) answers[q.id] = a;
    }
    const body = JSON.stringify(answers);
    // Retrying the same answers (e.g. after a network error) reuses the key, so at most one attempt is stored.
    const key = lastSubmission.current?.body === body ? lastSubmission.current.key : crypto.randomUUID();
    lastSubmission.current = { body, key };
    setSubmitting(true);
    setNotice(null);
    const r = await submitAnswers(quizId, key, v.variantId, answers);
    setSubmitting(false);
    if (r.ok) {
      window.localStorage.removeItem(draftKey(v.variantId));
      setPhase({ kind: "graded", state: phase.state, attempt: r.data });
      void refreshHistory();
      return;
    }
    const err = r.error;
    if (err.invalid) {
      setErrors(Object.fromEntries(err.invalid.map((i) => [i.questionId, i.message])));
      setNotice(err.error.message);
      const first = err.invalid[0]?.questionId;
      requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`[data-question="${first}"] input`)?.focus());
    } else if (r.status === 409) {
      setNotice(`${err.error.message} Loading your current variant…`);
      await load();
    } else setNotice(err.error.message);
  }

  if (phase.kind === "loading") {
    return (
      <div className={styles.runner} ref={root} data-testid="quiz-runner" aria-busy="true">
        <p className={styles.muted} role="status">
          Loading the quiz…
        </p>
        <noscript>
          <p>This quiz is graded on our server and needs JavaScript to submit answers.</p>
        </noscript>
      </div>
    );
  }
  if (phase.kind === "load-error") {
    return (
      <div className={styles.runner} ref={root} data-testid="quiz-runner">
        <p className={styles.error} role="alert">
          Could not load the quiz: {phase.message}
        </p>
        <button type="button" className={styles.button} onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }

  const { state } = phase;
  const history = attempts && <AttemptHistory attempts={attempts} headingLevel={headingLevel} />;
  const budget =
    state.maxAttempts === null ? "Unlimited attempts; each retry has new numbers." : `Attempt ${Math.min(state.attemptsUsed + 1, state.maxAttempts)} of ${state.maxAttempts}.`;

  if (phase.kind === "graded") {
    const left = phase.attempt.attemptsRemaining;
    return (
      <div className={styles.runner} ref={root} data-testid="quiz-runner">
        <QuizResult attempt={phase.attempt} headingLevel={headingLevel} />
        <div className={styles.actions}>
          {left === 0 ? (
            <p className={styles.muted}>You have used all {state.maxAttempts} attempts.</p>
          ) : (
            <button type="button" className={styles.button} onClick={() => void load()}>
              Try again with new numbers{left !== null ? ` (${left} ${left === 1 ? "attempt" : "attempts"} left)` : ""}
            </button>
          )}
        </div>
        {history}
      </div>
    );
  }

  const v = state.variant;
  if (!v) {
    return (
      <div className={styles.runner} ref={root} data-testid="quiz-runner">
        <p role="status">You have used all {state.maxAttempts} attempts at this quiz.</p>
        {history}
      </div>
    );
  }
  const answered = v.questions.filter((q) => isAnswered(q, drafts[q.id])).length;
  return (
    <div className={styles.runner} ref={root} data-testid="quiz-runner">
      <p className={styles.muted}>{budget} Answers are graded on the server; a malformed answer uses no attempt.</p>
      <div className={styles.progress}>
        <progress value={answered} max={v.questions.length} aria-label="Questions answered" />
        <span aria-live="polite">
          {answered} of {v.questions.length} answered
        </span>
      </div>
      <form onSubmit={submit} noValidate>
        {v.questions.map((q) => (
          <QuestionField key={q.id} question={q} draft={drafts[q.id] ?? {}} onChange={(d) => change(q.id, d)} error={errors[q.id]} disabled={submitting} />
        ))}
        {notice && (
          <p className={styles.error} role="alert">
            {notice}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" className={styles.button} disabled={submitting}>
            {submitting ? "Grading…" : "Submit answers"}
          </button>
        </div>
      </form>
      {history}
    </div>
  );
}
