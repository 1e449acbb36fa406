"use client";
// A labelled text field for one number: accepts what parseNumber accepts ("−3", "3e-2", "1/4"), keeps the
// learner's text while it is invalid and says what is wrong, and reports only valid numbers upwards.
import { useId } from "react";
import { parseNumber } from "@/lib/math/format";
import styles from "./calculator.module.css";

type Props = {
  label: React.ReactNode;
  /** The field's current text (the parent keeps it, so invalid text is never lost). */
  text: string;
  onText: (text: string) => void;
  /** Optional extra check on a parsed number; return a message to reject it. */
  validate?: (value: number) => string | null;
  /** Accessible name when the visible label is terse (e.g. a matrix cell). */
  ariaLabel?: string;
  /** A small cell with a visually hidden label; the parent shows any error (see numberError). */
  compact?: boolean;
  testId?: string;
};

/** The error for `text`, or null when it is a valid number that passes `validate`. */
export function numberError(text: string, validate?: (value: number) => string | null): string | null {
  const value = parseNumber(text);
  if (value === null) return text.trim() === "" ? "Enter a number." : "Enter a number, such as −3, 2.5, 1e-3 or 1/4.";
  if (!Number.isFinite(value)) return "Enter a finite number.";
  return validate?.(value) ?? null;
}

export function NumberField({ label, text, onText, validate, ariaLabel, compact, testId }: Props) {
  const id = useId();
  const error = numberError(text, validate);
  return (
    <div className={compact ? styles.cell : styles.field}>
      <label htmlFor={id} className={compact ? "visually-hidden" : styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={compact ? styles.cellInput : styles.input}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={error && !compact ? `${id}-err` : undefined}
        data-testid={testId}
        onChange={(e) => onText(e.target.value)}
      />
      {error && !compact ? (
        <span id={`${id}-err`} className={styles.error} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
