"use client";
// Live calculator for one registry activation: type x, see f(x) and f′(x) computed by lib/math.
import { useId, useState } from "react";
import { ACTIVATIONS, isActivationId, type ActivationId } from "@/lib/math/activations";
import { formatNumber, parseNumber } from "@/lib/math/format";
import styles from "./calculator.module.css";

type Props = { fn?: ActivationId; x?: number; alpha?: number };

export function ActivationCalculator({ fn = "relu", x = 1, alpha }: Props) {
  const activation = ACTIVATIONS[isActivationId(fn) ? fn : "relu"];
  const id = useId();
  const [text, setText] = useState(String(x));
  const parsed = parseNumber(text);
  const a = activation.param ? (alpha ?? activation.param.default) : undefined;
  const error = parsed === null ? "Enter a number, such as −3, 2.5 or 1e-3." : null;

  return (
    <section className={styles.calculator} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        {activation.label} calculator
      </h3>
      <div className={styles.row}>
        <label htmlFor={`${id}-x`}>x</label>
        <input
          id={`${id}-x`}
          className={styles.input}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error ? (
        <p id={`${id}-err`} className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <output className={styles.results} htmlFor={`${id}-x`} aria-live="polite">
        <span data-testid="fx">
          f(x) = <strong>{parsed === null ? "—" : formatNumber(activation.f(parsed, a))}</strong>
        </span>
        <span data-testid="dfx">
          f′(x) = <strong>{parsed === null ? "—" : formatNumber(activation.df(parsed, a))}</strong>
        </span>
      </output>
    </section>
  );
}
