"use client";
// An SVG plot of registry activations and their derivatives with a draggable point on x (mouse, touch, arrow
// keys) and a live readout. The server renders the same SVG at its initial state, so there is no blank box and
// no layout shift before hydration, and the figure reads fine with JavaScript off.
import { useId, useRef, useState } from "react";
import { useReadyMarker } from "../ready-marker";
import { ACTIVATIONS, isActivationId, kinksOf, type ActivationId } from "@/lib/math/activations";
import { formatNumber, parseNumber } from "@/lib/math/format";
import { clamp, linearScale, niceTicks, sampleCurve, snapToStep, svgPath, yExtent } from "@/lib/math/plot";
import styles from "./plot.module.css";

type Props = {
  /** Activations to overlay, e.g. ["relu", "leaky-relu"]. */
  curves: ActivationId[];
  /** Also draw each f′ (dashed). Default true. */
  derivative?: boolean;
  /** α for curves that take one (Leaky ReLU, ELU); undefined → the registry default. */
  alpha?: number;
  /** Show an α slider for curves that take one. */
  alphaSlider?: boolean;
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  /** Initial x of the draggable point. */
  x?: number;
  /** Accessible title of the figure. */
  title: string;
};

const W = 480;
const H = 300;
const M = { left: 40, right: 12, top: 12, bottom: 28 };
const KEY_STEP = 0.1;
const COLORS = ["var(--curve-1)", "var(--curve-2)", "var(--curve-3)"];

export function FunctionPlot({ curves, derivative = true, alpha, alphaSlider = false, xMin = -5, xMax = 5, yMin, yMax, x = 1, title }: Props) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const ids = curves.filter(isActivationId);
  const paramOwner = ids.find((c) => ACTIVATIONS[c].param);
  const param = paramOwner ? ACTIVATIONS[paramOwner].param : undefined;
  const [px, setPx] = useState(clamp(x, xMin, xMax));
  const [alphaText, setAlphaText] = useState(param ? String(alpha ?? param.default) : "");
  const svgRef = useRef<SVGSVGElement>(null);
  const root = useReadyMarker<HTMLElement>();
  const dragging = useRef(false);

  const parsedAlpha = parseNumber(alphaText);
  const alphaValid = param !== undefined && parsedAlpha !== null && parsedAlpha >= param.min && parsedAlpha <= param.max;
  const a = param ? (alphaValid ? (parsedAlpha as number) : (alpha ?? param.default)) : undefined;

  const series = ids.flatMap((cid, i) => {
    const act = ACTIVATIONS[cid];
    const aa = act.param ? a : undefined;
    const kinks = kinksOf(cid, aa);
    const color = COLORS[i % COLORS.length];
    const suffix = aa !== undefined ? ` (α = ${formatNumber(aa)})` : "";
    const out = [{ key: `${cid}-f`, label: act.label, suffix, derivative: false, color, kinks, fn: (v: number) => act.f(v, aa), segments: sampleCurve((v) => act.f(v, aa), xMin, xMax, { kinks }) }];
    if (derivative) {
      out.push({ key: `${cid}-df`, label: `${act.label}′`, suffix, derivative: true, color, kinks, fn: (v: number) => act.df(v, aa), segments: sampleCurve((v) => act.df(v, aa), xMin, xMax, { kinks, split: true }) });
    }
    return out;
  });

  const [autoLo, autoHi] = yExtent(series.flatMap((s) => s.segments));
  const y0 = yMin ?? autoLo;
  const y1 = yMax ?? autoHi;
  const sx = linearScale(xMin, xMax, M.left, W - M.right);
  const sy = linearScale(y0, y1, H - M.bottom, M.top);
  const xTicks = niceTicks(xMin, xMax, 8);
  const yTicks = niceTicks(y0, y1, 5);
  const clipId = `clip-${uid}`;

  const moveTo = (clientX: number) => {
    const svg = svgRef.current;
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const vx = ((clientX - box.left) / box.width) * W;
    const dataX = xMin + ((vx - M.left) / (W - M.left - M.right)) * (xMax - xMin);
    setPx(clamp(snapToStep(dataX, 0.01), xMin, xMax));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: KEY_STEP, ArrowUp: KEY_STEP, ArrowLeft: -KEY_STEP, ArrowDown: -KEY_STEP, PageUp: 1, PageDown: -1 };
    let next: number | undefined;
    if (e.key in moves) next = snapToStep(px + moves[e.key], KEY_STEP / 10);
    else if (e.key === "Home") next = xMin;
    else if (e.key === "End") next = xMax;
    if (next === undefined) return;
    e.preventDefault();
    setPx(clamp(next, xMin, xMax));
  };

  const readout = series.map((s) => `${s.label}(x) = ${formatNumber(s.fn(px))}`).join(", ");
  const alphaNote = a !== undefined ? ` (α = ${formatNumber(a)})` : "";
  const kinkHere = series.some((s) => s.kinks.includes(px)) && derivative;

  return (
    <figure ref={root} className={styles.figure} data-testid="function-plot">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        className={styles.svg}
        role="group"
        aria-labelledby={`${uid}-cap`}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e.clientX);
        }}
        onPointerMove={(e) => {
          if (dragging.current) moveTo(e.clientX);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} />
          </clipPath>
        </defs>
        <g className={styles.grid} aria-hidden="true">
          {xTicks.map((t) => (
            <line key={`gx${t}`} x1={sx(t)} x2={sx(t)} y1={M.top} y2={H - M.bottom} />
          ))}
          {yTicks.map((t) => (
            <line key={`gy${t}`} x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} />
          ))}
        </g>
        <g className={styles.axes} aria-hidden="true">
          {y0 <= 0 && y1 >= 0 ? <line x1={M.left} x2={W - M.right} y1={sy(0)} y2={sy(0)} /> : null}
          {xMin <= 0 && xMax >= 0 ? <line x1={sx(0)} x2={sx(0)} y1={M.top} y2={H - M.bottom} /> : null}
        </g>
        <g className={styles.ticks} aria-hidden="true">
          {xTicks.map((t) => (
            <text key={`tx${t}`} x={sx(t)} y={H - M.bottom + 18} textAnchor="middle">
              {formatNumber(t)}
            </text>
          ))}
          {yTicks.map((t) => (
            <text key={`ty${t}`} x={M.left - 6} y={sy(t) + 4} textAnchor="end">
              {formatNumber(t)}
            </text>
          ))}
        </g>
        <g clipPath={`url(#${clipId})`} aria-hidden="true">
          {series.map((s) => (
            <g key={s.key} stroke={s.color} className={s.derivative ? styles.dashed : styles.solid} data-series={s.key}>
              {s.segments.map((seg, i) => (
                <path key={i} d={svgPath(seg, sx, sy)} fill="none" />
              ))}
              {s.derivative
                ? s.kinks
                    .filter((k) => k > xMin && k < xMax)
                    .flatMap((k) => [s.fn(k - 1e-9), s.fn(k + 1e-9)].map((v, j) => <circle key={`${k}-${j}`} cx={sx(k)} cy={sy(v)} r={3.5} className={styles.open} />))
                : null}
            </g>
          ))}
          <line className={styles.cursor} x1={sx(px)} x2={sx(px)} y1={M.top} y2={H - M.bottom} />
          {series.map((s) => {
            const v = s.fn(px);
            return Number.isFinite(v) ? <circle key={`pt-${s.key}`} cx={sx(px)} cy={sy(clamp(v, y0, y1))} r={5} fill={s.color} className={styles.point} /> : null;
          })}
        </g>
        <g
          className={styles.handle}
          role="slider"
          tabIndex={0}
          aria-label="x position of the point"
          aria-valuemin={xMin}
          aria-valuemax={xMax}
          aria-valuenow={px}
          aria-valuetext={`x = ${formatNumber(px)}`}
          aria-describedby={`${uid}-readout`}
          onKeyDown={onKeyDown}
          data-testid="plot-handle"
        >
          <rect x={sx(px) - 12} y={H - M.bottom - 12} width={24} height={24} rx={6} className={styles.knob} />
          <path d={`M${sx(px) - 5} ${H - M.bottom}h10M${sx(px) - 5} ${H - M.bottom - 4}h10M${sx(px) - 5} ${H - M.bottom + 4}h10`} className={styles.grip} />
        </g>
      </svg>
      <ul className={styles.legend}>
        {series.map((s) => (
          <li key={s.key}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={s.color} className={s.derivative ? styles.dashed : styles.solid} />
            </svg>
            {s.derivative ? `${s.label}${s.suffix} (derivative, dashed)` : `${s.label}${s.suffix}`}
          </li>
        ))}
      </ul>
      <p id={`${uid}-readout`} className={styles.readout} aria-live="polite" data-testid="plot-readout">
        x = {formatNumber(px)}: {readout}
        {alphaNote}
        {kinkHere ? " — at the kink the derivative is undefined; the value shown is PyTorch's." : ""}
      </p>
      {param && alphaSlider ? (
        <div className={styles.alpha}>
          <label htmlFor={`${uid}-alpha`}>α</label>
          <input
            id={`${uid}-alpha`}
            type="range"
            min={param.min}
            max={param.max}
            step={param.step}
            value={a}
            aria-valuetext={`α = ${formatNumber(a as number)}`}
            onChange={(e) => setAlphaText(e.target.value)}
            data-testid="alpha-slider"
          />
          <label htmlFor={`${uid}-alpha-text`} className="visually-hidden">
            α value
          </label>
          <input
            id={`${uid}-alpha-text`}
            type="text"
            inputMode="decimal"
            className={styles.alphaText}
            value={alphaText}
            aria-invalid={alphaValid ? undefined : true}
            aria-describedby={alphaValid ? undefined : `${uid}-alpha-err`}
            onChange={(e) => setAlphaText(e.target.value)}
            data-testid="alpha-text"
          />
          {alphaValid ? null : (
            <span id={`${uid}-alpha-err`} role="alert" className={styles.error}>
              α must be a number from {formatNumber(param.min)} to {formatNumber(param.max)}.
            </span>
          )}
        </div>
      ) : null}
      <figcaption id={`${uid}-cap`} className={styles.caption}>
        {title}. Drag the point, or focus the handle and use the arrow keys (Page Up/Down for steps of 1).
      </figcaption>
    </figure>
  );
}
