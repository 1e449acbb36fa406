"use client";
// The layer-collapse demo: edit two affine layers (W₁, b₁) and (W₂, b₂) and an input x; see the single layer
// W = W₂W₁, b = W₂b₁ + b₂ and that it gives the same output — until a ReLU is put between the layers.
import { useId, useState } from "react";
import { useReadyMarker } from "../ready-marker";
import { relu } from "@/lib/math/activations";
import { formatNumber, parseNumber } from "@/lib/math/format";
import { applyAffine, applyLayers, COLLAPSE_EXAMPLE, collapseAffine, maxAbsDifference, type Matrix, type Vector } from "@/lib/math/matrix";
import { NumberField, numberError } from "./number-field";
import styles from "./calculator.module.css";
import m from "./matrix.module.css";

type Props = { W1?: Matrix; b1?: Vector; W2?: Matrix; b2?: Vector; x?: Vector };

type Texts = Record<string, string>;
const SUB: Record<string, string> = { W1: "W₁", b1: "b₁", W2: "W₂", b2: "b₂", x: "x" };

const DEFAULTS = { W1: COLLAPSE_EXAMPLE.first.W, b1: COLLAPSE_EXAMPLE.first.b, W2: COLLAPSE_EXAMPLE.second.W, b2: COLLAPSE_EXAMPLE.second.b, x: COLLAPSE_EXAMPLE.x };

function toTexts(values: Record<string, Matrix | Vector>): Texts {
  const t: Texts = {};
  for (const [name, v] of Object.entries(values)) {
    v.forEach((row, i) => (Array.isArray(row) ? row.forEach((e, j) => (t[`${name}-${i}-${j}`] = String(e))) : (t[`${name}-${i}`] = String(row))));
  }
  return t;
}

export function LayerCollapseDemo({ W1 = DEFAULTS.W1, b1 = DEFAULTS.b1, W2 = DEFAULTS.W2, b2 = DEFAULTS.b2, x = DEFAULTS.x }: Props) {
  const root = useReadyMarker<HTMLElement>();
  const uid = useId();
  const [texts, setTexts] = useState<Texts>(() => toTexts({ W1, b1, W2, b2, x }));
  const [withRelu, setWithRelu] = useState(false);
  const set = (key: string) => (t: string) => setTexts((prev) => ({ ...prev, [key]: t }));

  const errors = Object.entries(texts)
    .filter(([, t]) => numberError(t) !== null)
    .map(([key]) => cellName(key));
  const num = (key: string) => parseNumber(texts[key]) ?? 0;
  const mat = (name: string, rows: number, cols: number) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => num(`${name}-${i}-${j}`)));
  const vec = (name: string, n: number) => Array.from({ length: n }, (_, i) => num(`${name}-${i}`));

  const hidden1 = W1.length;
  const inputs = W1[0]?.length ?? 0;
  const outputs = W2.length;
  const first = { W: mat("W1", hidden1, inputs), b: vec("b1", hidden1) };
  const second = { W: mat("W2", outputs, hidden1), b: vec("b2", outputs) };
  const xv = vec("x", inputs);
  const one = collapseAffine(first, second);
  const hidden = applyAffine(first, xv);
  const twoLayers = applyLayers([first, second], xv, withRelu ? relu : undefined);
  const single = applyAffine(one, xv);
  const diff = maxAbsDifference(twoLayers, single);
  const same = diff <= 1e-9 * Math.max(1, ...single.map(Math.abs));

  const editMatrix = (name: string, rows: number, cols: number) => (
    <div className={m.matrix} role="group" aria-label={`${SUB[name]} (${rows} × ${cols})`}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={m.row}>
          {Array.from({ length: cols }, (_, j) => {
            const key = `${name}-${i}-${j}`;
            return <NumberField key={key} compact label={cellName(key)} ariaLabel={cellName(key)} text={texts[key]} onText={set(key)} testId={key} />;
          })}
        </div>
      ))}
    </div>
  );
  const editVector = (name: string, n: number) => (
    <div className={m.matrix} role="group" aria-label={`${SUB[name]} (length ${n})`}>
      {Array.from({ length: n }, (_, i) => (
        <div key={i} className={m.row}>
          <NumberField compact label={cellName(`${name}-${i}`)} ariaLabel={cellName(`${name}-${i}`)} text={texts[`${name}-${i}`]} onText={set(`${name}-${i}`)} testId={`${name}-${i}`} />
        </div>
      ))}
    </div>
  );

  return (
    <section ref={root} className={styles.calculator} aria-labelledby={`${uid}-title`} data-testid="collapse-demo">
      <h3 id={`${uid}-title`} className={styles.title}>
        Two linear layers are one
      </h3>
      <div className={m.layout}>
        <div className={m.term}>
          <span className={m.name}>W₁</span>
          {editMatrix("W1", hidden1, inputs)}
          <span className={m.name}>b₁</span>
          {editVector("b1", hidden1)}
        </div>
        <div className={m.term}>
          <span className={m.name}>W₂</span>
          {editMatrix("W2", outputs, hidden1)}
          <span className={m.name}>b₂</span>
          {editVector("b2", outputs)}
        </div>
        <div className={m.term}>
          <span className={m.name}>x</span>
          {editVector("x", inputs)}
        </div>
      </div>
      <label className={styles.checkbox}>
        <input type="checkbox" checked={withRelu} onChange={(e) => setWithRelu(e.target.checked)} data-testid="collapse-relu" />
        Put a ReLU between the two layers
      </label>
      {errors.length > 0 ? (
        <p className={styles.error} role="alert">
          Not a number: {errors.join(", ")}. Results use 0 there until you fix {errors.length === 1 ? "it" : "them"}.
        </p>
      ) : null}
      <div aria-live="polite" className={m.results}>
        <div className={m.term}>
          <span className={m.name}>W = W₂W₁</span>
          <ShowMatrix label="W = W₂W₁" rows={one.W} testId="collapse-W" />
          <span className={m.name}>b = W₂b₁ + b₂</span>
          <ShowMatrix label="b = W₂b₁ + b₂" rows={one.b.map((v) => [v])} testId="collapse-b" />
        </div>
        <dl className={m.outputs}>
          <dt>Hidden layer W₁x + b₁{withRelu ? ", then ReLU" : ""}</dt>
          <dd data-testid="collapse-hidden">{vecText(withRelu ? hidden.map(relu) : hidden)}</dd>
          <dt>Two layers: W₂({withRelu ? "ReLU(W₁x + b₁)" : "W₁x + b₁"}) + b₂</dt>
          <dd data-testid="collapse-two">{vecText(twoLayers)}</dd>
          <dt>One layer: Wx + b</dt>
          <dd data-testid="collapse-one">{vecText(single)}</dd>
        </dl>
      </div>
      <p className={same ? styles.ok : styles.bad} data-testid="collapse-verdict">
        {same
          ? withRelu
            ? hidden.every((v) => v >= 0)
              ? "Same output at this x, but only because every hidden value is already ≥ 0, so the ReLU changed nothing. Try an x that makes one negative."
              : "Same output at this x by coincidence, although the ReLU zeroed a hidden value. Try other numbers."
            : "Same output: the two linear layers are the single layer W, b."
          : `Different outputs (largest difference ${formatNumber(diff)}): with a ReLU between them, the layers no longer collapse.`}
      </p>
    </section>
  );
}

function ShowMatrix({ label, rows, testId }: { label: string; rows: number[][]; testId: string }) {
  return (
    <table className={m.show} aria-label={label} data-testid={testId}>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((v, j) => (
              <td key={j}>{formatNumber(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function vecText(v: number[]): string {
  return `(${v.map((e) => formatNumber(e)).join(", ")})`;
}

/** "W₁ row 1, column 2" for "W1-0-1"; "b₂ entry 1" for "b2-0". */
function cellName(key: string): string {
  const [name, i, j] = key.split("-");
  return j === undefined ? `${SUB[name]} entry ${Number(i) + 1}` : `${SUB[name]} row ${Number(i) + 1}, column ${Number(j) + 1}`;
}
