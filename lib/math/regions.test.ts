import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boxPolygon, clipHalfPlane, EXAMPLE_BOX, EXAMPLE_LINEAR_MODEL, EXAMPLE_RELU_HIDDEN, hiddenOutput, linearRegions, polygonArea, vertexCentroid, type Point2 } from "./regions";

const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

describe("clipHalfPlane", () => {
  it("keeps the half of a square where x ≥ 0", () => {
    const half = clipHalfPlane(boxPolygon(box), 1, 0, 0);
    expect(polygonArea(half)).toBeCloseTo(2, 12);
    expect(half.every(([x]) => x >= 0)).toBe(true);
  });
  it("returns nothing when the half-plane misses the polygon", () => {
    expect(clipHalfPlane(boxPolygon(box), 1, 0, -5)).toEqual([]);
  });
});

describe("linearRegions", () => {
  it("splits the plane in two for a linear model (one unit) and in four for x ≥ 0, y ≥ 0 units", () => {
    expect(linearRegions([EXAMPLE_LINEAR_MODEL], EXAMPLE_BOX)).toHaveLength(2);
    const four = linearRegions([{ W: [[1, 0], [0, 1]], b: [0, 0] }], box);
    expect(four.map((r) => r.pattern).sort()).toEqual(["00", "01", "10", "11"]);
  });

  it("finds 1 + n + n(n−1)/2 regions for n lines in general position crossing the window", () => {
    // Three lines, no two parallel, all pairwise crossings inside the box → 7 regions.
    const regions = linearRegions([{ W: [[1, 0], [0, 1], [1, 1]], b: [0.1, 0.1, -0.5] }], { xMin: -3, xMax: 3, yMin: -3, yMax: 3 });
    expect(regions).toHaveLength(7);
  });

  it("tiles the window, and each region's affine map equals the network there (property)", () => {
    const regions = linearRegions(EXAMPLE_RELU_HIDDEN, EXAMPLE_BOX);
    const total = regions.reduce((s, r) => s + polygonArea(r.polygon), 0);
    expect(total).toBeCloseTo(16, 9);
    expect(new Set(regions.map((r) => r.pattern)).size).toBe(regions.length);
    expect(regions.length).toBeGreaterThan(20);
    for (const r of regions) {
      const p = vertexCentroid(r.polygon);
      const direct = hiddenOutput(EXAMPLE_RELU_HIDDEN, p);
      const viaMap = r.A.map((row, i) => row[0] * p[0] + row[1] * p[1] + r.c[i]);
      viaMap.forEach((v, i) => expect(v).toBeCloseTo(direct[i], 9));
    }
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (x, y) => {
        const pt: Point2 = [x, y];
        const direct = hiddenOutput(EXAMPLE_RELU_HIDDEN, pt);
        // Some region's map reproduces the network at any point (points on boundaries may match two).
        const ok = regions.some((r) => r.A.every((row, i) => Math.abs(row[0] * x + row[1] * y + r.c[i] - direct[i]) < 1e-9) && insideConvex(r.polygon, pt));
        expect(ok).toBe(true);
      }),
    );
  });
});

function insideConvex(poly: Point2[], [x, y]: Point2): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[(i + 1) % poly.length];
    const cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
    if (Math.abs(cross) < 1e-9) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}
