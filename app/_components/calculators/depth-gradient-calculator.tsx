"use client";
// The vanishing-gradient calculator: dy/dx through a chain of L units h_k = f(h_{k−1}), layer by layer on a
// log scale, for the chosen activation against sigmoid, tanh and ReLU, with sigmoid's bound (max σ′)^L.
import { useId, useState } from "react";
import { useReadyMarker } from "../ready-marker";
import { ACTIVATION_IDS, ACTIVATIONS, isActivationId, sigmoidDerivative, type ActivationId } from "@/lib/math/activations";
import { chainGradient, sigmoidChainBound } from "@/lib/math/chain";
import { formatNumber, parseNumber } from "@/lib/math/format";
import { clamp, linearScale, logScale, logTicks, niceTicks, svgPath, type Point } from "@/lib/math/plot";
import { NumberField, numberError } from "./number-field";
import styles from "./calculator.module.css";
import plot from "../plots/plot.module.css";

type Props = { depth?: number; fn?: ActivationId; x?: number };

const MAX_DEPTH = 50;
const COMPARE: ActivationId[] = ["sigmoid", "tanh", "relu"];
const COLORS: Record<string, string> = { sigmoid: "var(--curve-1)", tanh: "var(--curve-2)", relu: "var(--curve-3)" };
const W = 480;
const H = 280;
const M = { left: 56, right: 12, top: 12, bottom: 32 };
const MAX_SIGMOID_SLOPE = sigmoidDerivative(0);

const depthProblem = (v: number) => (Number.isInteger(v) && v >= 1 && v <= MAX_DEPTH ? null : `Depth must be a whole number from 1 to ${MAX_DEPTH}.`);

export function DepthGradientCalculator({ depth = 10, fn = "sigmoid", x = 0.5 }: Props) {
  const root = useReadyMarker<HTMLElement>();
  const uid = useId();
  const [depthText, setDepthText] = useState(String(depth));
  const [fnId, setFnId] = useState<ActivationId>(isActivationId(fn) ? fn : "sigmoid");
  const [xText, setXText] = useState(String(x));
  const depthError = numberError(depthText, depthProblem);
  const xError = numberError(xText);
  const L = depthError ? null : (parseNumber(depthText) as number);
  const xv = xError ? null : (parseNumber(xText) as number);
  const ready = L !== null && xv !== null;

  const ids = [fnId, ...COMPARE.filter((c) => c !== fnId)];
  const runs = ready
    ? ids.map((id) => ({ id, steps: chainGradient({ f: (v) => ACTIVATIONS[id].f(v), df: (v) => ACTIVATIONS[id].df(v) }, L, xv) }))
    : [];
  const bound = L === null ? null : sigmoidChainBound(L, MAX_SIGMOID_SLOPE);
  const chosen = runs[0]?.steps.at(-1)?.gradient;

  // Log-scale y axis from the smallest non-zero |gradient| (or the bound) up to the largest (at least 1).
  const magnitudes = runs.flatMap((r) => r.steps.map((s) => Math.abs(s.gradient))).filter((v) => v > 0 && Number.isFinite(v));
  if (bound !== null && bound > 0) magnitudes.push(bound);
  const lo = magnitudes.length ? Number(`1e${Math.floor(Math.log10(Math.min(...magnitudes)))}`) : 1e-3;
  const hi = Math.max(1, ...magnitudes);
  const top = Number(`1e${Math.ceil(Math.log10(hi))}`);
  const bottom = Math.min(lo, top / 10);
  const sx = linearScale(1, Math.max(2, L ?? 2), M.left, W - M.right);
  const sy = logScale(bottom, top, H - M.bottom, M.top);
  const yOf = (g: number) => (g === 0 || !Number.isFinite(Math.log10(Math.abs(g))) ? H - M.bottom : sy(clamp(Math.abs(g), bottom, top)));
  const xTicks = niceTicks(1, Math.max(2, L ?? 2), 6).filter((t) => Number.isInteger(t) && t >= 1);
  const yTicks = logTicks(bottom, top, 6);
  const boundPoints: Point[] = L === null ? [] : Array.from({ length: L }, (_, i) => [i + 1, sigmoidChainBound(i + 1, MAX_SIGMOID_SLOPE)]);

  return (
    <section ref={root} className={styles.calculator} aria-labelledby={`${uid}-title`} data-testid="depth-calculator">
      <h3 id={`${uid}-title`} className={styles.title}>
        Gradient through a chain of units
      </h3>
      <div className={styles.row}>
        <NumberField label="Depth L" text={depthText} validate={depthProblem} onText={setDepthText} testId="depth" />
        <div className={styles.field}>
          <label htmlFor={`${uid}-fn`} className={styles.label}>
            Activation
          </label>
          <select id={`${uid}-fn`} className={styles.select} value={fnId} onChange={(e) => setFnId(e.target.value as ActivationId)}>
            {ACTIVATION_IDS.map((id) => (
              <option key={id} value={id}>
                {ACTIVATIONS[id].label}
              </option>
            ))}
          </select>
        </div>
        <NumberField label="Input x" text={xText} onText={setXText} testId="chain-x" />
      </div>
      <div className={styles.sliders}>
        <label htmlFor={`${uid}-ds`} className={styles.label}>
          Depth slider
        </label>
        <input
          id={`${uid}-ds`}
          type="range"
          className={styles.range}
          min={1}
          max={MAX_DEPTH}
          step={1}
          value={clamp(L ?? depth, 1, MAX_DEPTH)}
          aria-valuetext={`L = ${L ?? depth}`}
          onChange={(e) => setDepthText(e.target.value)}
          data-testid="depth-slider"
        />
      </div>
      <output className={styles.results} aria-live="polite" data-testid="chain-result">
        <span>
          dy/dx through {L ?? "—"} {ACTIVATIONS[fnId].label} units = <strong data-testid="chain-gradient">{ready && chosen !== undefined ? formatNumber(chosen) : "—"}</strong>
        </span>
        <span>
          sigmoid bound {formatNumber(MAX_SIGMOID_SLOPE)}<sup>L</sup> = <strong data-testid="chain-bound">{bound === null ? "—" : formatNumber(bound)}</strong>
        </span>
      </output>
      {ready ? (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} className={plot.svg} style={{ aspectRatio: `${W} / ${H}`, marginTop: "0.75rem" }} role="img" aria-label={`Size of dy/dx after each of ${L} layers on a log scale; the table below lists the values at layer ${L}.`}>
            <g className={plot.grid}>
              {yTicks.map((t) => (
                <line key={t} x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} />
              ))}
            </g>
            <g className={plot.ticks}>
              {yTicks.map((t) => (
                <text key={t} x={M.left - 6} y={sy(t) + 4} textAnchor="end">
                  {formatNumber(t)}
                </text>
              ))}
              {xTicks.map((t) => (
                <text key={t} x={sx(t)} y={H - M.bottom + 18} textAnchor="middle">
                  {t}
                </text>
              ))}
              <text x={W - M.right} y={H - 2} textAnchor="end">
                layer k
              </text>
            </g>
            <path d={svgPath(boundPoints, sx, (v) => sy(clamp(v, bottom, top)))} stroke="var(--muted)" className={plot.dashed} />
            {runs.map((r, i) => {
              const pts: Point[] = r.steps.map((s) => [s.layer, Math.abs(s.gradient)]);
              const color = COLORS[r.id] ?? "var(--accent)";
              return (
                <g key={r.id} stroke={color} data-series={r.id}>
                  <path d={svgPath(pts, sx, yOf)} className={plot.solid} strokeWidth={i === 0 ? 3.5 : 2} opacity={i === 0 ? 1 : 0.85} />
                  {pts.length <= 25
                    ? pts.map(([k, g]) => <circle key={k} cx={sx(k)} cy={yOf(g)} r={g === 0 ? 4 : 3} fill={g === 0 ? "var(--bg)" : color} strokeWidth={1.5} />)
                    : null}
                </g>
              );
            })}
          </svg>
          <ul className={plot.legend}>
            {runs.map((r) => (
              <li key={r.id}>
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="0" x2="28" y1="5" y2="5" stroke={COLORS[r.id] ?? "var(--accent)"} className={plot.solid} />
                </svg>
                {ACTIVATIONS[r.id].label}
              </li>
            ))}
            <li>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke="var(--muted)" className={plot.dashed} />
              </svg>
              sigmoid bound {formatNumber(MAX_SIGMOID_SLOPE)}<sup>k</sup>
            </li>
          </ul>
          <div className={styles.tableWrap} role="region" aria-label="Table (scrolls sideways on narrow screens)" tabIndex={0}>
            <table className={styles.table}>
              <caption className="visually-hidden">dy/dx at layer {L} for each activation</caption>
              <thead>
                <tr>
                  <th scope="col">Activation</th>
                  <th scope="col">dy/dx at L = {L}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{ACTIVATIONS[r.id].label}</th>
                    <td data-testid={`chain-${r.id}`}>{formatNumber(r.steps.at(-1)!.gradient)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {runs.some((r) => r.steps.at(-1)!.gradient === 0) ? (
            <p className={styles.note}>A gradient of exactly 0 cannot sit on a log scale: it is drawn as a hollow dot on the bottom edge.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
