"use client";
// The dead-unit demo: one unit y = g(w·x + b) on five samples, with ReLU and with Leaky ReLU side by side.
// Drag the bias down until z < 0 on every sample: ReLU's gradients become exactly 0, Leaky ReLU's do not.
import { useId, useState } from "react";
import { useReadyMarker } from "../ready-marker";
import { LEAKY_RELU_DEFAULT_ALPHA, leakyRelu, leakyReluDerivative, relu, reluDerivative } from "@/lib/math/activations";
import { DEAD_UNIT_SAMPLES, unitReport, type UnitReport } from "@/lib/math/dead-unit";
import { formatNumber, parseNumber } from "@/lib/math/format";
import { clamp } from "@/lib/math/plot";
import { NumberField, numberError } from "./number-field";
import styles from "./calculator.module.css";

type Props = { w?: number; b?: number; alpha?: number };

const alphaProblem = (v: number) => (v > 0 && v < 1 ? null : "α must be between 0 and 1 (exclusive).");

export function DeadUnitDemo({ w = 1, b = -5, alpha = LEAKY_RELU_DEFAULT_ALPHA }: Props) {
  const root = useReadyMarker<HTMLElement>();
  const uid = useId();
  const [wText, setW] = useState(String(w));
  const [bText, setB] = useState(String(b));
  const [aText, setA] = useState(String(alpha));
  const ready = !numberError(wText) && !numberError(bText) && !numberError(aText, alphaProblem);
  const wv = parseNumber(wText) ?? 0;
  const bv = parseNumber(bText) ?? 0;
  const av = parseNumber(aText) ?? alpha;

  const reluReport = unitReport({ f: relu, df: reluDerivative }, wv, bv);
  const leakyReport = unitReport({ f: (z) => leakyRelu(z, av), df: (z) => leakyReluDerivative(z, av) }, wv, bv);

  return (
    <section ref={root} className={styles.calculator} aria-labelledby={`${uid}-title`} data-testid="dead-unit-demo">
      <h3 id={`${uid}-title`} className={styles.title}>
        A dead unit, with ReLU and with Leaky ReLU
      </h3>
      <p className={styles.note}>
        One unit y = g(w·x + b) fitted to the targets t by mean squared error L = mean ½(y − t)². Gradients: ∂L/∂w = mean (y − t)·g′(z)·x and
        ∂L/∂b = mean (y − t)·g′(z).
      </p>
      <div className={styles.row}>
        <NumberField label="Weight w" text={wText} onText={setW} testId="dead-w" />
        <NumberField label="Bias b" text={bText} onText={setB} testId="dead-b" />
        <NumberField label="Leaky α" text={aText} onText={setA} validate={alphaProblem} testId="dead-alpha" />
      </div>
      <div className={styles.sliders}>
        <label htmlFor={`${uid}-bs`} className={styles.label}>
          Bias slider
        </label>
        <input
          id={`${uid}-bs`}
          type="range"
          className={styles.range}
          min={-8}
          max={4}
          step={0.5}
          value={clamp(bv, -8, 4)}
          aria-valuetext={`b = ${formatNumber(bv)}`}
          onChange={(e) => setB(e.target.value)}
          data-testid="dead-b-slider"
        />
      </div>
      {ready ? (
        <div aria-live="polite">
          <div className={styles.tableWrap} role="region" aria-label="Per-sample values (scrolls sideways on narrow screens)" tabIndex={0}>
            <table className={styles.table}>
              <caption className="visually-hidden">Each sample: input, target, pre-activation, and the unit under ReLU and Leaky ReLU</caption>
              <thead>
                <tr>
                  <th scope="col">x</th>
                  <th scope="col">t</th>
                  <th scope="col">z = wx + b</th>
                  <th scope="col">ReLU y</th>
                  <th scope="col">ReLU g′(z)</th>
                  <th scope="col">Leaky y</th>
                  <th scope="col">Leaky g′(z)</th>
                </tr>
              </thead>
              <tbody>
                {DEAD_UNIT_SAMPLES.map((s, i) => (
                  <tr key={s.x}>
                    <td>{formatNumber(s.x)}</td>
                    <td>{formatNumber(s.t)}</td>
                    <td>{formatNumber(reluReport.samples[i].z)}</td>
                    <td>{formatNumber(reluReport.samples[i].y)}</td>
                    <td>{formatNumber(reluReport.samples[i].dz)}</td>
                    <td>{formatNumber(leakyReport.samples[i].y)}</td>
                    <td>{formatNumber(leakyReport.samples[i].dz)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Summary name="ReLU" report={reluReport} testId="dead-relu" />
          <Summary name={`Leaky ReLU (α = ${formatNumber(av)})`} report={leakyReport} testId="dead-leaky" />
        </div>
      ) : (
        <p className={styles.note}>Fix the highlighted input to see the gradients.</p>
      )}
    </section>
  );
}

function Summary({ name, report, testId }: { name: string; report: UnitReport; testId: string }) {
  return (
    <p data-testid={testId}>
      <strong>{name}:</strong> z &gt; 0 on {report.activeCount} of {report.samples.length} samples; ∂L/∂w ={" "}
      <span data-testid={`${testId}-gw`}>{formatNumber(report.gradW)}</span>, ∂L/∂b = <span data-testid={`${testId}-gb`}>{formatNumber(report.gradB)}</span>.{" "}
      <span className={report.zeroGradient ? styles.bad : styles.ok} data-testid={`${testId}-status`}>
        {report.zeroGradient
          ? "Dead: g′(z) = 0 on every sample, so no gradient reaches w or b and gradient descent cannot move them."
          : "Not dead: g′(z) ≠ 0 on some samples, so any error there still sends a gradient to w and b."}
      </span>
    </p>
  );
}
