"use client";
// The playground's form: data, network (layers, units, activation and α per layer, with dead units
// marked) and training settings. Every control is a native element, so keyboard use comes for free.
import { memo, useState } from "react";
import { ACTIVATION_IDS, ACTIVATIONS, type ActivationId } from "@/lib/math/activations";
import { parseNumber } from "@/lib/math/format";
import { DATASET_KINDS, type DatasetKind } from "@/lib/nn/datasets";
import type { UnitRef } from "@/lib/nn/regions";
import { BATCH_SIZES, LEARNING_RATES, MAX_LAYERS, MAX_UNITS, SPEEDS, defaultAlpha, type LayerConfig, type PlaygroundConfig } from "./playground-state";
import styles from "./playground.module.css";

const DATASET_LABELS: Record<DatasetKind, string> = { circle: "Circle", xor: "XOR", gaussian: "Two clusters", spiral: "Spiral" };
const SPEED_LABELS: Record<number, string> = { 5: "Slow (5 epochs/s)", 20: "Normal (20 epochs/s)", 60: "Fast (60 epochs/s)", 0: "Fastest" };

type Props = { id: string; config: PlaygroundConfig; dead: UnitRef[]; onChange: (next: PlaygroundConfig) => void };

/** A text field that only passes on values `check` accepts; otherwise it shows the problem and keeps the last good value. */
function CheckedNumber({ id, label, value, check, onValid }: { id: string; label: string; value: number; check: (v: number) => string | null; onValid: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The value changed from outside (preset, link, reset of the layer): show it.
    setShown(value);
    setText(String(value));
  }
  const parsed = parseNumber(text);
  const problem = parsed === null ? "Enter a number." : check(parsed);
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={styles.number}
        inputMode="decimal"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = parseNumber(e.target.value);
          if (v !== null && !check(v)) {
            setShown(v);
            onValid(v);
          }
        }}
      />
      {problem && (
        <span id={`${id}-error`} className={styles.fieldError}>
          {problem}
        </span>
      )}
    </div>
  );
}

function LayerRow({ id, index, layer, dead, onChange }: { id: string; index: number; layer: LayerConfig; dead: number[]; onChange: (l: LayerConfig) => void }) {
  const param = ACTIVATIONS[layer.activation].param;
  const deadText = dead.length === 0 ? "no dead units" : `dead: unit${dead.length > 1 ? "s" : ""} ${dead.map((u) => u + 1).join(", ")}`;
  return (
    <li className={styles.layer} data-testid={`layer-${index + 1}`}>
      <span className={styles.layerName}>Layer {index + 1}</span>
      <span className={styles.stepper} role="group" aria-label={`Units in layer ${index + 1}`}>
        <button type="button" onClick={() => onChange({ ...layer, units: layer.units - 1 })} disabled={layer.units <= 1} aria-label={`Fewer units in layer ${index + 1}`}>
          −
        </button>
        <output aria-live="off">{layer.units} units</output>
        <button type="button" onClick={() => onChange({ ...layer, units: layer.units + 1 })} disabled={layer.units >= MAX_UNITS} aria-label={`More units in layer ${index + 1}`}>
          +
        </button>
      </span>
      <span className={styles.field}>
        <label htmlFor={`${id}-act-${index}`}>Activation</label>
        <select
          id={`${id}-act-${index}`}
          value={layer.activation}
          onChange={(e) => {
            const activation = e.target.value as ActivationId;
            onChange({ ...layer, activation, alpha: defaultAlpha(activation) });
          }}
        >
          {ACTIVATION_IDS.map((a) => (
            <option key={a} value={a}>
              {ACTIVATIONS[a].label}
            </option>
          ))}
        </select>
      </span>
      {param && (
        <CheckedNumber
          id={`${id}-alpha-${index}`}
          label={param.label}
          value={layer.alpha}
          check={(v) => (v >= param.min && v <= param.max ? null : `α must be between ${param.min} and ${param.max}.`)}
          onValid={(alpha) => onChange({ ...layer, alpha })}
        />
      )}
      <span className={styles.units} aria-label={`Layer ${index + 1}: ${layer.units} units, ${deadText}`} role="img" data-dead={dead.length}>
        {Array.from({ length: layer.units }, (_, u) => (
          <span key={u} className={dead.includes(u) ? styles.deadUnit : styles.unit} title={dead.includes(u) ? `Unit ${u + 1}: dead` : `Unit ${u + 1}`} />
        ))}
      </span>
    </li>
  );
}

export const PlaygroundControls = memo(function PlaygroundControls({ id, config, dead, onChange }: Props) {
  const set = (patch: Partial<PlaygroundConfig>) => onChange({ ...config, ...patch });
  const setLayer = (i: number, l: LayerConfig) => set({ layers: config.layers.map((old, k) => (k === i ? l : old)) });
  const last = config.layers[config.layers.length - 1];
  return (
    <div className={styles.controls}>
      <fieldset className={styles.group}>
        <legend>Data</legend>
        <div className={styles.field}>
          <label htmlFor={`${id}-data`}>Data set</label>
          <select id={`${id}-data`} value={config.dataset} onChange={(e) => set({ dataset: e.target.value as DatasetKind })}>
            {DATASET_KINDS.map((k) => (
              <option key={k} value={k}>
                {DATASET_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-noise`}>Noise: {config.noise}</label>
          <input id={`${id}-noise`} type="range" min={0} max={0.5} step={0.05} value={config.noise} onChange={(e) => set({ noise: Number(e.target.value) })} />
        </div>
        <CheckedNumber
          id={`${id}-seed`}
          label="Seed"
          value={config.seed}
          check={(v) => (Number.isInteger(v) && v >= 1 && v <= 999_999 ? null : "A whole number from 1 to 999999.")}
          onValid={(seed) => set({ seed })}
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Network: 2 inputs → {config.layers.map((l) => l.units).join(" → ") || "no hidden layer"} → 1 output</legend>
        <div className={styles.buttons}>
          <button type="button" onClick={() => set({ layers: [...config.layers, last ? { ...last } : { units: 4, activation: "relu", alpha: defaultAlpha("relu") }] })} disabled={config.layers.length >= MAX_LAYERS}>
            Add layer
          </button>
          <button type="button" onClick={() => set({ layers: config.layers.slice(0, -1) })} disabled={config.layers.length === 0}>
            Remove layer
          </button>
        </div>
        {config.layers.length === 0 ? (
          <p className={styles.note}>No hidden layer: the output is a logistic regression, one straight boundary.</p>
        ) : (
          // Always shown (not only when some unit is dead), so the layout does not jump during training.
          <p className={styles.note}>
            <span className={styles.deadUnit} aria-hidden="true" /> marks a dead unit: its pre-activation is ≤ 0 on every training point, so its
            gradient is 0 and it has stopped learning.
          </p>
        )}
        {config.layers.length > 0 && (
          <ol className={styles.layers}>
            {config.layers.map((l, i) => (
              <LayerRow key={i} id={id} index={i} layer={l} dead={dead.filter((d) => d.layer === i).map((d) => d.unit)} onChange={(next) => setLayer(i, next)} />
            ))}
          </ol>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Training</legend>
        <div className={styles.field}>
          <label htmlFor={`${id}-lr`}>Learning rate</label>
          <select id={`${id}-lr`} value={config.learningRate} onChange={(e) => set({ learningRate: Number(e.target.value) })}>
            {(LEARNING_RATES.includes(config.learningRate as never) ? LEARNING_RATES : [...LEARNING_RATES, config.learningRate].sort((a, b) => a - b)).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-batch`}>Batch size</label>
          <select id={`${id}-batch`} value={config.batchSize} onChange={(e) => set({ batchSize: Number(e.target.value) })}>
            {(BATCH_SIZES.includes(config.batchSize as never) ? BATCH_SIZES : [...BATCH_SIZES, config.batchSize].sort((a, b) => a - b)).map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-opt`}>Optimizer</label>
          <select id={`${id}-opt`} value={config.optimizer} onChange={(e) => set({ optimizer: e.target.value as "sgd" | "adam" })}>
            <option value="sgd">SGD</option>
            <option value="adam">Adam</option>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-speed`}>Speed</label>
          <select id={`${id}-speed`} value={config.speed} onChange={(e) => set({ speed: Number(e.target.value) })}>
            {(SPEEDS.includes(config.speed as never) ? SPEEDS : [...SPEEDS, config.speed]).map((s) => (
              <option key={s} value={s}>
                {SPEED_LABELS[s] ?? `${s} epochs/s`}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </div>
  );
});
