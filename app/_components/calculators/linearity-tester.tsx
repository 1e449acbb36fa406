"use client";
// The linearity tester: for inputs a, b, c it computes both sides of additivity f(a + b) = f(a) + f(b) and of
// homogeneity f(c·a) = c·f(a) for linear, ReLU, Leaky ReLU and sigmoid, and says which identities fail.
import { useId, useState } from "react";
import { useReadyMarker } from "../ready-marker";
import { ACTIVATIONS, LEAKY_RELU_DEFAULT_ALPHA, type ActivationId } from "@/lib/math/activations";
import { formatNumber, parseNumber } from "@/lib/math/format";
import { checkAdditivity, checkHomogeneity, type IdentityCheck } from "@/lib/math/linearity";
import { NumberField, numberError } from "./number-field";
import styles from "./calculator.module.css";

type Props = { a?: number; b?: number; c?: number };

const TESTED: ActivationId[] = ["linear", "relu", "leaky-relu", "sigmoid"];

export function LinearityTester({ a = 1, b = -1, c = 2 }: Props) {
  const root = useReadyMarker<HTMLElement>();
  const uid = useId();
  const [aText, setA] = useState(String(a));
  const [bText, setB] = useState(String(b));
  const [cText, setC] = useState(String(c));
  const ready = !numberError(aText) && !numberError(bText) && !numberError(cText);
  const [av, bv, cv] = [aText, bText, cText].map((t) => parseNumber(t) ?? 0);

  const rows = TESTED.map((id) => {
    const act = ACTIVATIONS[id];
    const f = (x: number) => act.f(x, act.param ? LEAKY_RELU_DEFAULT_ALPHA : undefined);
    return { id, label: act.label, add: checkAdditivity(f, av, bv), hom: checkHomogeneity(f, cv, av) };
  });

  return (
    <section ref={root} className={styles.calculator} aria-labelledby={`${uid}-title`} data-testid="linearity-tester">
      <h3 id={`${uid}-title`} className={styles.title}>
        Linearity tester
      </h3>
      <div className={styles.row}>
        <NumberField label="a" text={aText} onText={setA} testId="lin-a" />
        <NumberField label="b" text={bText} onText={setB} testId="lin-b" />
        <NumberField label="c" text={cText} onText={setC} testId="lin-c" />
      </div>
      <p className={styles.note}>
        Leaky ReLU uses α = {formatNumber(LEAKY_RELU_DEFAULT_ALPHA)}. Equal sides at some inputs do not prove linearity; one pair of unequal
        sides disproves it.
      </p>
      {ready ? (
        <div aria-live="polite">
          <Table
            caption={`Additivity: f(a + b) against f(a) + f(b), with a + b = ${formatNumber(av + bv)}`}
            lhs="f(a + b)"
            rhs="f(a) + f(b)"
            rows={rows.map((r) => ({ id: r.id, label: r.label, check: r.add }))}
            kind="add"
          />
          <Table
            caption={`Homogeneity: f(c·a) against c·f(a), with c·a = ${formatNumber(cv * av)}`}
            lhs="f(c·a)"
            rhs="c·f(a)"
            rows={rows.map((r) => ({ id: r.id, label: r.label, check: r.hom }))}
            kind="hom"
          />
          <ul className={styles.note} data-testid="lin-verdicts">
            {rows.map((r) => (
              <li key={r.id} data-testid={`verdict-${r.id}`}>
                {r.label}:{" "}
                {r.add.holds && r.hom.holds
                  ? "both identities hold at these inputs."
                  : `not linear — ${[r.add.holds ? null : "additivity", r.hom.holds ? null : "homogeneity"].filter(Boolean).join(" and ")} ${r.add.holds || r.hom.holds ? "fails" : "fail"} here.`}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className={styles.note}>Fix the highlighted input to see both sides.</p>
      )}
    </section>
  );
}

function Table({ caption, lhs, rhs, rows, kind }: { caption: string; lhs: string; rhs: string; rows: { id: string; label: string; check: IdentityCheck }[]; kind: string }) {
  return (
    <div className={styles.tableWrap} role="region" aria-label="Table (scrolls sideways on narrow screens)" tabIndex={0}>
      <table className={styles.table} data-testid={`lin-${kind}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">f</th>
            <th scope="col">{lhs}</th>
            <th scope="col">{rhs}</th>
            <th scope="col">Equal?</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`lin-${kind}-${r.id}`}>
              <th scope="row">{r.label}</th>
              <td data-testid="lhs">{formatNumber(r.check.lhs)}</td>
              <td data-testid="rhs">{formatNumber(r.check.rhs)}</td>
              <td data-testid="holds" className={`${r.check.holds ? styles.ok : styles.bad} ${styles.nowrap}`}>
                {r.check.holds ? "✓ equal" : "✗ differ"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
