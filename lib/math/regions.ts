// Linear regions of a ReLU network on the plane. Inside one region every hidden unit keeps its on/off state,
// so the network is one affine map there; the regions are convex polygons. We find them exactly: start from
// a box, split every polygon by each unit's zero line (affine within the polygon), layer by layer. Pure.

import type { AffineLayer } from "./matrix";

/** A point [x, y] of the plane. */
export type Point2 = [number, number];
/** A convex polygon, vertices in order. */
export type Polygon = Point2[];
/** An axis-aligned window [xMin, xMax] × [yMin, yMax]. */
export type Box = { xMin: number; xMax: number; yMin: number; yMax: number };

/** One linear region: its polygon, the on/off pattern of every hidden unit ("1" on), and its affine map x ↦ A·x + c to the last hidden layer. */
export type LinearRegion = { polygon: Polygon; pattern: string; A: number[][]; c: number[] };

const AREA_EPS = 1e-12;

/** Vertices of a box, counter-clockwise from its lower-left corner. */
export function boxPolygon(box: Box): Polygon {
  return [[box.xMin, box.yMin], [box.xMax, box.yMin], [box.xMax, box.yMax], [box.xMin, box.yMax]];
}

/** The part of a convex polygon where a·x + b·y + c ≥ 0 (Sutherland–Hodgman against one half-plane). */
export function clipHalfPlane(poly: Polygon, a: number, b: number, c: number): Polygon {
  const out: Polygon = [];
  const side = (p: Point2) => a * p[0] + b * p[1] + c;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) out.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Area of a simple polygon (shoelace formula; positive whatever the orientation). */
export function polygonArea(poly: Polygon): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[(i + 1) % poly.length];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s) / 2;
}

/** Mean of a polygon's vertices — inside it, since the polygon is convex. */
export function vertexCentroid(poly: Polygon): Point2 {
  const n = poly.length;
  return [poly.reduce((s, p) => s + p[0], 0) / n, poly.reduce((s, p) => s + p[1], 0) / n];
}

/**
 * The linear regions, inside `box`, of ReLU hidden layers taking 2 inputs (each layer is followed by ReLU;
 * pass only the hidden layers). Regions thinner than rounding are dropped.
 */
export function linearRegions(hidden: readonly AffineLayer[], box: Box): LinearRegion[] {
  let regions: LinearRegion[] = [{ polygon: boxPolygon(box), pattern: "", A: [[1, 0], [0, 1]], c: [0, 0] }];
  for (const [li, layer] of hidden.entries()) {
    const next: LinearRegion[] = [];
    for (const region of regions) {
      // Within this region the layer's pre-activations are affine in x: z = (W·A)x + (W·c + b).
      const P = layer.W.map((row) => [0, 1].map((k) => row.reduce((s, w, j) => s + w * region.A[j][k], 0)));
      const q = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * region.c[j], 0) + layer.b[i]);
      let pieces: { polygon: Polygon; on: boolean[] }[] = [{ polygon: region.polygon, on: [] }];
      for (let u = 0; u < P.length; u++) {
        const [a, b] = P[u];
        pieces = pieces.flatMap((piece) =>
          [true, false]
            .map((on) => ({ polygon: on ? clipHalfPlane(piece.polygon, a, b, q[u]) : clipHalfPlane(piece.polygon, -a, -b, -q[u]), on: [...piece.on, on] }))
            .filter((p) => p.polygon.length >= 3 && polygonArea(p.polygon) > AREA_EPS),
        );
      }
      for (const piece of pieces) {
        next.push({
          polygon: piece.polygon,
          pattern: region.pattern + (li > 0 ? "|" : "") + piece.on.map((o) => (o ? "1" : "0")).join(""),
          A: P.map((row, u) => (piece.on[u] ? row : [0, 0])),
          c: q.map((v, u) => (piece.on[u] ? v : 0)),
        });
      }
    }
    regions = next;
  }
  return regions;
}

/** The hidden outputs h(x) = ReLU layers applied to x, computed directly (used to check linearRegions). */
export function hiddenOutput(hidden: readonly AffineLayer[], x: Point2): number[] {
  return hidden.reduce<number[]>((h, layer) => layer.W.map((row, i) => Math.max(0, row.reduce((s, w, j) => s + w * h[j], 0) + layer.b[i])), x);
}

/** The lesson's example: a ReLU network with two hidden layers (6 then 4 units) on the plane. */
export const EXAMPLE_RELU_HIDDEN: readonly AffineLayer[] = [
  {
    W: [[1, 0.2], [-0.4, 1], [0.7, 0.7], [-0.8, 0.5], [0.3, -1], [1, -0.9]],
    b: [0.3, -0.2, -0.6, 0.4, 0.5, -0.1],
  },
  {
    W: [[1, -0.6, 0.8, 0.5, -0.4, 0.3], [-0.5, 1, 0.4, -0.7, 0.9, 0.2], [0.6, 0.5, -1, 0.3, 0.4, -0.8], [0.2, -0.9, 0.5, 1, -0.3, 0.6]],
    b: [-0.2, 0.1, 0.15, -0.3],
  },
];

/** The lesson's linear model for comparison: one unit, boundary 0.8x − 0.6y + 0.2 = 0. */
export const EXAMPLE_LINEAR_MODEL: AffineLayer = { W: [[0.8, -0.6]], b: [0.2] };

/** The window the lesson's figure shows. */
export const EXAMPLE_BOX: Box = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
