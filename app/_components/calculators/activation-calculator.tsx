"use client";
// Live calculator for any registry activation: choose the function (and α where it has one), set x by typing
// or with the slider, and read f(x) and f′(x) from lib/math. Its state lives in the address (?calc-fn=…).
import { useEffect, useId, useState } from "react";
import { ACTIVATION_IDS, ACTIVATIONS, isActivationId, kinksOf, type ActivationId } from "@/lib/math/activations";
import { formatNumber, parseNumber } from "@/lib/math/format";
import { clamp } from "@/lib/math/plot";
import { NumberField, numberError } from "./number-field";
import { readUrlState, urlStateQuery, writeUrlState } from "./url-state";
import { useReadyMarker } from "../ready-marker";
import styles from "./calculator.module.css";

type Props = {
  fn?: ActivationId;
  x?: number;
  alpha?: number;
  /** Prefix of this calculator's query parameters and its anchor id; give each calculator on a page its own. */
  urlKey?: string;
  /** Range of the x slider. */
  xMin?: number;
  xMax?: number;
};

const X_STEP = 0.1;
const NAMES = ["fn", "x", "alpha"] as const;

export function ActivationCalculator({ fn = "relu", x = 1, alpha, urlKey = "calc", xMin = -6, xMax = 6 }: Props) {
  const id = useId();
  const [fnId, setFnId] = useState<ActivationId>(isActivationId(fn) ? fn : "relu");
  const [xText, setXText] = useState(String(x));
  const [alphaText, setAlphaText] = useState(() => alphaDefault(isActivationId(fn) ? fn : "relu", alpha));

  const root = useReadyMarker<HTMLElement>();

  useEffect(() => {
    // Restore a shared link's state once, after hydration; invalid values are ignored, not trusted.
    const saved = readUrlState(urlKey, NAMES);
    if (saved.fn !== undefined && isActivationId(saved.fn)) {
      setFnId(saved.fn);
      if (saved.alpha === undefined) setAlphaText(alphaDefault(saved.fn));
    }
    if (saved.x !== undefined && parseNumber(saved.x) !== null) setXText(saved.x);
    if (saved.alpha !== undefined && parseNumber(saved.alpha) !== null) setAlphaText(saved.alpha);
  }, [urlKey]);

  const activation = ACTIVATIONS[fnId];
  const param = activation.param;
  const alphaError = param ? numberError(alphaText, (v) => alphaProblem(fnId, v)) : null;
  const a = param && !alphaError ? (parseNumber(alphaText) as number) : undefined;
  const xError = numberError(xText);
  const xv = xError ? null : (parseNumber(xText) as number);
  const ready = xv !== null && !(param && alphaError);
  const atKink = xv !== null && kinksOf(fnId, a).includes(xv);
  const state = { fn: fnId, x: xText, alpha: param ? alphaText : undefined };

  const update = (next: Partial<typeof state>) => {
    const merged = { ...state, ...next };
    writeUrlState(urlKey, { fn: merged.fn, x: merged.x, alpha: ACTIVATIONS[merged.fn].param ? merged.alpha : undefined });
  };

  return (
    <section ref={root} className={styles.calculator} aria-labelledby={`${id}-title`} id={urlKey} data-testid="activation-calculator">
      <h3 id={`${id}-title`} className={styles.title}>
        {activation.label} calculator
      </h3>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={`${id}-fn`} className={styles.label}>
            Activation
          </label>
          <select
            id={`${id}-fn`}
            className={styles.select}
            value={fnId}
            onChange={(e) => {
              const next = e.target.value as ActivationId;
              const nextAlpha = alphaDefault(next);
              setFnId(next);
              setAlphaText(nextAlpha);
              update({ fn: next, alpha: nextAlpha });
            }}
          >
            {ACTIVATION_IDS.map((aid) => (
              <option key={aid} value={aid}>
                {ACTIVATIONS[aid].label}
              </option>
            ))}
          </select>
        </div>
        {param ? (
          <NumberField
            label="α"
            ariaLabel={param.label}
            text={alphaText}
            testId="alpha"
            validate={(v) => alphaProblem(fnId, v)}
            onText={(t) => {
              setAlphaText(t);
              update({ alpha: t });
            }}
          />
        ) : null}
        <NumberField
          label="x"
          text={xText}
          testId="x"
          onText={(t) => {
            setXText(t);
            update({ x: t });
          }}
        />
      </div>
      <div className={styles.sliders}>
        <label htmlFor={`${id}-xs`} className={styles.label}>
          x slider
        </label>
        <input
          id={`${id}-xs`}
          type="range"
          className={styles.range}
          min={xMin}
          max={xMax}
          step={X_STEP}
          value={clamp(xv ?? 0, xMin, xMax)}
          aria-valuetext={`x = ${formatNumber(xv ?? 0)}`}
          onChange={(e) => {
            const t = e.target.value;
            setXText(t);
            update({ x: t });
          }}
        />
        {param ? (
          <>
            <label htmlFor={`${id}-as`} className={styles.label}>
              α slider
            </label>
            <input
              id={`${id}-as`}
              type="range"
              className={styles.range}
              min={param.min}
              max={param.max}
              step={param.step}
              value={clamp(a ?? param.default, param.min, param.max)}
              aria-valuetext={`α = ${formatNumber(a ?? param.default)}`}
              onChange={(e) => {
                setAlphaText(e.target.value);
                update({ alpha: e.target.value });
              }}
            />
          </>
        ) : null}
      </div>
      <output className={styles.results} aria-live="polite">
        <span data-testid="fx">
          f(x) = <strong>{ready ? formatNumber(activation.f(xv, a)) : "—"}</strong>
        </span>
        <span data-testid="dfx">
          f′(x) = <strong>{ready ? formatNumber(activation.df(xv, a)) : "—"}</strong>
        </span>
      </output>
      {atKink && activation.kinkNote ? (
        <p className={styles.note} data-testid="kink-note">
          {activation.kinkNote}
        </p>
      ) : null}
      <p className={styles.permalink}>
        <a href={`${urlStateQuery(urlKey, state)}#${urlKey}`}>Link to this calculation</a>
      </p>
    </section>
  );
}

/** The α text to start from: the given value, else the activation's default, else "" (no parameter). */
function alphaDefault(fnId: ActivationId, given?: number): string {
  const param = ACTIVATIONS[fnId].param;
  if (!param) return "";
  return String(given ?? param.default);
}

/** Why α is out of range for this activation, or null. Leaky ReLU = max(αx, x) needs 0 < α < 1. */
function alphaProblem(fnId: ActivationId, v: number): string | null {
  const param = ACTIVATIONS[fnId].param;
  if (!param) return null;
  if (v < param.min || v > param.max) return `α must be between ${formatNumber(param.min)} and ${formatNumber(param.max)}.`;
  return null;
}
