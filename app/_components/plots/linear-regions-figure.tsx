// A static figure computed on the server from lib/math: a linear model splits the window into two half-planes,
// while a small ReLU network carves it into many convex pieces on each of which it is one affine map.
import { EXAMPLE_BOX, EXAMPLE_LINEAR_MODEL, EXAMPLE_RELU_HIDDEN, linearRegions, type LinearRegion } from "@/lib/math/regions";
import { linearScale } from "@/lib/math/plot";
import styles from "./plot.module.css";

const S = 220;

function Panel({ regions, label, testId }: { regions: LinearRegion[]; label: string; testId: string }) {
  const sx = linearScale(EXAMPLE_BOX.xMin, EXAMPLE_BOX.xMax, 0, S);
  const sy = linearScale(EXAMPLE_BOX.yMin, EXAMPLE_BOX.yMax, S, 0);
  return (
    <svg viewBox={`0 0 ${S} ${S}`} className={styles.square} role="img" aria-label={label} data-testid={testId} data-regions={regions.length}>
      {regions.map((r, i) => (
        <polygon
          key={r.pattern}
          points={r.polygon.map(([x, y]) => `${sx(x).toFixed(2)},${sy(y).toFixed(2)}`).join(" ")}
          // Golden-angle hues keep neighbouring regions apart; the opacity suits light and dark backgrounds.
          fill={`hsl(${Math.round((i * 137.508) % 360)} 70% 55%)`}
          fillOpacity={0.6}
          stroke="var(--fg)"
          strokeWidth={0.6}
        />
      ))}
    </svg>
  );
}

export function LinearRegionsFigure() {
  const linear = linearRegions([EXAMPLE_LINEAR_MODEL], EXAMPLE_BOX);
  const relu = linearRegions(EXAMPLE_RELU_HIDDEN, EXAMPLE_BOX);
  const sizes = EXAMPLE_RELU_HIDDEN.map((l) => l.b.length).join(" and ");
  const window = `[${EXAMPLE_BOX.xMin}, ${EXAMPLE_BOX.xMax}] × [${EXAMPLE_BOX.yMin}, ${EXAMPLE_BOX.yMax}]`;
  return (
    <figure className={styles.figure} data-testid="regions-figure">
      <div className={styles.panels}>
        <div>
          <Panel regions={linear} label={`A linear model: ${linear.length} regions (two half-planes) in the window ${window}`} testId="regions-linear" />
          <p className={styles.panelLabel}>Linear model: {linear.length} regions</p>
        </div>
        <div>
          <Panel regions={relu} label={`A ReLU network with hidden layers of ${sizes} units: ${relu.length} linear regions in the window ${window}`} testId="regions-relu" />
          <p className={styles.panelLabel}>ReLU network ({sizes} hidden units): {relu.length} regions</p>
        </div>
      </div>
      <figcaption className={styles.caption}>
        The plane {window}, coloured by linear region. Left: the boundary of a linear model is one straight line. Right: inside each
        coloured polygon every ReLU unit of the network is either on or off throughout, so the network is a single affine map there; its
        creases are where some unit switches.
      </figcaption>
    </figure>
  );
}
