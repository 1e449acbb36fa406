import { describe, expect, it } from "vitest";
import { quantile } from "./quantile.mjs";

describe("quantile (nearest rank)", () => {
  const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  it("picks the nearest-rank value, whatever the input order", () => {
    expect(quantile(xs, 0.5)).toBe(5);
    expect(quantile(xs, 0.9)).toBe(9);
    expect(quantile(xs, 0.99)).toBe(10);
    expect(quantile(xs, 1)).toBe(10);
    expect(quantile(xs, 0)).toBe(1);
  });
  it("leaves its input unsorted and is NaN on no data", () => {
    const copy = [...xs];
    quantile(copy, 0.5);
    expect(copy).toEqual(xs);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
