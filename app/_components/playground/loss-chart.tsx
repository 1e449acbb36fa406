// Training loss against epochs, as an SVG line. The y axis starts at 0 and ends at the largest loss seen.
import { formatNumber } from "@/lib/math/format";
import type { LossPoint } from "./use-trainer";
import styles from "./playground.module.css";

const W = 300;
const H = 110;
const PAD = 4;

export function LossChart({ history }: { history: LossPoint[] }) {
  const last = history[history.length - 1];
  const maxEpoch = Math.max(1, last?.epoch ?? 1);
  const finite = history.filter((p) => Number.isFinite(p.loss));
  const maxLoss = Math.max(1e-9, ...finite.map((p) => p.loss));
  const points = finite
    .map((p) => `${(PAD + ((W - 2 * PAD) * p.epoch) / maxEpoch).toFixed(1)},${(H - PAD - ((H - 2 * PAD) * p.loss) / maxLoss).toFixed(1)}`)
    .join(" ");
  const label =
    history.length > 1
      ? `Training loss over ${last.epoch} epochs: from ${formatNumber(history[0].loss, { significant: 3 })} to ${formatNumber(last.loss, { significant: 3 })}`
      : "Training loss: no training yet";
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="loss-chart">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className={styles.axis} />
        <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} className={styles.axis} />
        {finite.length > 1 && <polyline points={points} className={styles.lossLine} />}
      </svg>
      <figcaption className={styles.caption}>
        Loss (0 to {formatNumber(maxLoss, { significant: 3 })}) over {last?.epoch ?? 0} epochs
      </figcaption>
    </figure>
  );
}
