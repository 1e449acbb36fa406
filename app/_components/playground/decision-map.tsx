"use client";
// The decision map: the network's probability of class 1 over the plane as a 100×100 canvas (scaled
// smoothly by the browser), with the data points drawn over it in SVG — so the points are there in the
// server-rendered page even before the canvas is painted.
import { memo, useEffect, useRef } from "react";
import type { Dataset } from "@/lib/nn/datasets";
import { MAP_GRID } from "./figures";
import styles from "./playground.module.css";

// Tints for probability 0 (class 0, blue) and 1 (class 1, orange); 0.5 is white.
const BLUE = [96, 150, 235];
const ORANGE = [245, 160, 70];

/** Colour lookup for 256 probability levels, as RGBA bytes. */
const LUT = (() => {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const p = i / 255;
    const t = Math.abs(p - 0.5) * 2;
    const c = p < 0.5 ? BLUE : ORANGE;
    for (let k = 0; k < 3; k++) lut[i * 4 + k] = 255 + (c[k] - 255) * t;
    lut[i * 4 + 3] = 255;
  }
  return lut;
})();
/** The same colours as one 32-bit word per level, in the platform's byte order, for one write per pixel. */
const LUT32 = new Uint32Array(LUT.buffer);

const SPAN = MAP_GRID.max - MAP_GRID.min;

const R = 0.028; // class 1: circles of this radius
const HALF = 0.025; // class 0: squares of twice this side

/**
 * The data points as two SVG paths, one per class (a circle or square subpath per point): 2 elements instead
 * of 400 keeps the page's DOM, its server HTML and hydration small (docs/decisions/064).
 */
const Points = memo(function Points({ data }: { data: Dataset }) {
  const circles: string[] = [];
  const squares: string[] = [];
  for (let i = 0; i < data.count; i++) {
    const x = data.xs[2 * i] - MAP_GRID.min;
    const y = MAP_GRID.max - data.xs[2 * i + 1];
    if (data.labels[i] === 1) circles.push(`M${(x - R).toFixed(3)} ${y.toFixed(3)}a${R} ${R} 0 1 0 ${2 * R} 0a${R} ${R} 0 1 0 ${-2 * R} 0`);
    else squares.push(`M${(x - HALF).toFixed(3)} ${(y - HALF).toFixed(3)}h${2 * HALF}v${2 * HALF}h${-2 * HALF}z`);
  }
  return (
    <g>
      <path d={squares.join("")} className={styles.class0} data-points={squares.length} />
      <path d={circles.join("")} className={styles.class1} data-points={circles.length} />
    </g>
  );
});

type Props = { map: Float32Array; data: Dataset; label: string };

export function DecisionMap({ map, data, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const n = MAP_GRID.pointsPerAxis;
    if (map.length < n * n) return; // no map yet (the worker draws the first one)
    const ctx = canvas.current?.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(n, n);
    const px = new Uint32Array(image.data.buffer);
    for (let i = 0; i < n * n; i++) {
      const v = map[i];
      px[i] = LUT32[v >= 0 && v <= 1 ? Math.round(v * 255) : 128]; // NaN (diverged) shows as undecided
    }
    ctx.putImageData(image, 0, 0);
  }, [map]);

  return (
    <div className={styles.map} role="img" aria-label={label} data-testid="decision-map">
      <canvas ref={canvas} width={MAP_GRID.pointsPerAxis} height={MAP_GRID.pointsPerAxis} className={styles.mapCanvas} aria-hidden="true" />
      <svg viewBox={`0 0 ${SPAN} ${SPAN}`} className={styles.mapPoints} aria-hidden="true">
        <Points data={data} />
      </svg>
    </div>
  );
}
