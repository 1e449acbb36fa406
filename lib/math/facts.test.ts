import { describe, expect, it } from "vitest";
import { FACTS, isFactName } from "./facts";

describe("FACTS", () => {
  it.each<[keyof typeof FACTS, number]>([
    ["sigmoidAtZero", 0.5],
    ["sigmoidMaxDerivative", 0.25],
    ["sigmoidBound10", 0.25 ** 10],
    ["reluOnePlusReluMinusOne", 1],
    ["reluZero", 0],
    ["reluDerivativeAtZero", 0],
    ["leakyDerivativeMinus3Default", 0.01],
    ["deadUnitActiveCount", 0],
    ["deadUnitReluGradB", 0],
    ["linearModelRegions", 2],
    ["reluFirstLayerMaxRegions", 22],
  ])("%s = %d", (name, want) => {
    expect(FACTS[name].value).toBe(want);
  });

  it("has the values the lessons rely on", () => {
    expect(FACTS.leakyMinus3Default.value).toBeCloseTo(-0.03, 15);
    expect(FACTS.leakyMinus3Keras.value).toBeCloseTo(-0.9, 15);
    expect(FACTS.deadUnitMaxZ.value).toBeLessThan(0);
    expect(FACTS.deadUnitLeakyGradB.value).not.toBe(0);
    expect(FACTS.sigmoidChain10AtZero.value).toBeLessThan(FACTS.sigmoidBound10.value);
    expect(FACTS.reluChain10AtOne.value).toBe(1);
    expect(FACTS.reluFirstLayerRegions.value).toBeLessThanOrEqual(FACTS.reluFirstLayerMaxRegions.value);
    expect(FACTS.reluNetworkRegions.value).toBeGreaterThan(FACTS.reluFirstLayerRegions.value);
    for (const f of Object.values(FACTS)) expect(Number.isFinite(f.value)).toBe(true);
  });

  it("validates names", () => {
    expect(isFactName("sigmoidBound10")).toBe(true);
    expect(isFactName("toString")).toBe(false);
    expect(isFactName(3)).toBe(false);
  });
});
