"use client";
// One question's inputs: native radios, checkboxes and text fields inside a fieldset, so the whole quiz
// works from the keyboard (Tab between questions, arrow keys within a radio group).
import { useState } from "react";
import type { PublicQuestion } from "@/lib/quiz/types";
import styles from "./quiz.module.css";

/** The draft answer of one question as the form holds it. */
export type Draft = { choice?: string; choices?: string[]; value?: string; truth?: "true" | "false"; because?: string; values?: Record<string, string> };

type Props = { question: PublicQuestion; draft: Draft; onChange: (d: Draft) => void; error?: string; disabled: boolean };

export function QuestionField({ question: q, draft, onChange, error, disabled }: Props) {
  const [hintsShown, setHintsShown] = useState(0);
  const name = `q-${q.id}`;
  const errorId = `${name}-error`;
  const describedBy = error ? errorId : undefined;

  const radios = (options: { id: string; text: string }[], selected: string | undefined, set: (id: string) => void, group: string) => (
    <ul className={styles.options}>
      {options.map((o) => (
        <li key={o.id}>
          <label className={styles.option}>
            <input type="radio" name={group} value={o.id} checked={selected === o.id} onChange={() => set(o.id)} disabled={disabled} aria-describedby={describedBy} />
            <span className={styles.letter}>{o.id}.</span> <span>{o.text}</span>
          </label>
        </li>
      ))}
    </ul>
  );

  return (
    <fieldset className={styles.question} aria-invalid={error ? true : undefined} data-question={q.id}>
      <legend className={styles.legend}>
        <span className={styles.number}>Question {q.number}</span>
        <span className={styles.points}>{q.points === 1 ? "1 point" : `${q.points} points`}</span>
      </legend>
      <p className={styles.prompt}>{q.prompt}</p>

      {q.type === "single" && radios(q.options, draft.choice, (choice) => onChange({ ...draft, choice }), name)}

      {q.type === "multiple" && (
        <>
          <p className={styles.instructions}>Select all that apply.</p>
          <ul className={styles.options}>
            {q.options.map((o) => {
              const checked = draft.choices?.includes(o.id) ?? false;
              return (
                <li key={o.id}>
                  <label className={styles.option}>
                    <input
                      type="checkbox"
                      name={name}
                      value={o.id}
                      checked={checked}
                      disabled={disabled}
                      aria-describedby={describedBy}
                      onChange={() => onChange({ ...draft, choices: checked ? (draft.choices ?? []).filter((c) => c !== o.id) : [...(draft.choices ?? []), o.id] })}
                    />
                    <span className={styles.letter}>{o.id}.</span> <span>{o.text}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {q.type === "true-false" && (
        <>
          <p className={styles.statement}>“{q.statement}”</p>
          <div role="radiogroup" aria-label="True or false" className={styles.truth}>
            {(["true", "false"] as const).map((t) => (
              <label key={t} className={styles.option}>
                <input type="radio" name={`${name}-truth`} value={t} checked={draft.truth === t} onChange={() => onChange({ ...draft, truth: t })} disabled={disabled} aria-describedby={describedBy} />
                <span>{t === "true" ? "True" : "False"}</span>
              </label>
            ))}
          </div>
          <p className={styles.instructions}>Because…</p>
          {radios(q.because, draft.because, (because) => onChange({ ...draft, because }), `${name}-because`)}
        </>
      )}

      {q.type === "numeric" && (
        <label className={styles.field}>
          <span className={styles.label}>Your answer{q.unit ? ` (${q.unit})` : ""}</span>
          <input
            className={styles.input}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            name={name}
            value={draft.value ?? ""}
            placeholder="e.g. -0.03, 3e-2 or 3/100"
            onChange={(e) => onChange({ ...draft, value: e.target.value })}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </label>
      )}

      {q.type === "counterexample" && (
        <>
          <p className={styles.instructions}>
            Identity to break: <span className={styles.identity}>{q.identity}</span>
          </p>
          <div className={styles.fields}>
            {q.fields.map((f) => (
              <label key={f.name} className={styles.field}>
                <span className={styles.label}>{f.label}</span>
                <input
                  className={styles.input}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  name={`${name}-${f.name}`}
                  value={draft.values?.[f.name] ?? ""}
                  onChange={(e) => onChange({ ...draft, values: { ...(draft.values ?? {}), [f.name]: e.target.value } })}
                  disabled={disabled}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                />
              </label>
            ))}
          </div>
        </>
      )}

      {error && (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      )}

      {q.hints.length > 0 && (
        <div className={styles.hints}>
          {q.hints.slice(0, hintsShown).map((h, i) => (
            <p key={i} className={styles.hint}>
              <strong>Hint {i + 1}:</strong> {h}
            </p>
          ))}
          {hintsShown < q.hints.length && (
            <button type="button" className={styles.linkButton} onClick={() => setHintsShown((n) => n + 1)}>
              {hintsShown === 0 ? "Show a hint" : "Show another hint"}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** Turns a draft into the API's answer shape (undefined when the learner has not started the question). */
export function draftToAnswer(q: PublicQuestion, d: Draft | undefined): unknown {
  if (!d) return undefined;
  switch (q.type) {
    case "single":
      return d.choice === undefined ? undefined : { choice: d.choice };
    case "multiple":
      return { choices: d.choices ?? [] };
    case "true-false":
      return d.truth === undefined && d.because === undefined ? undefined : { value: d.truth === undefined ? null : d.truth === "true", because: d.because ?? "" };
    case "numeric":
      return { value: d.value ?? "" };
    case "counterexample":
      return { values: d.values ?? {} };
  }
}

/** Whether a draft has something in every part (drives the progress bar, not validation). */
export function isAnswered(q: PublicQuestion, d: Draft | undefined): boolean {
  if (!d) return false;
  switch (q.type) {
    case "single":
      return !!d.choice;
    case "multiple":
      return (d.choices?.length ?? 0) > 0;
    case "true-false":
      return !!d.truth && !!d.because;
    case "numeric":
      return (d.value ?? "").trim() !== "";
    case "counterexample":
      return q.fields.every((f) => (d.values?.[f.name] ?? "").trim() !== "");
  }
}
