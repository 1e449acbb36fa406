import { describe, expect, it } from "vitest";
import { PRESETS } from "./playground-state";
import { createSession, snapshot, trainEpochs } from "./session";

describe("training session", () => {
  it("is deterministic: the same configuration gives the same figures", () => {
    const a = createSession(PRESETS["relu-circle"].config);
    const b = createSession(PRESETS["relu-circle"].config);
    trainEpochs(a, 3);
    trainEpochs(b, 3);
    const sa = snapshot(a);
    const sb = snapshot(b);
    expect(sa.loss).toBe(sb.loss);
    expect(sa.accuracy).toBe(sb.accuracy);
    expect(sa.regions).toBe(sb.regions);
    expect(sa.epoch).toBe(3);
  });

  it("the relu-circle preset learns the circle; the linear-circle preset does not", () => {
    const relu = createSession(PRESETS["relu-circle"].config);
    trainEpochs(relu, 60);
    expect(snapshot(relu).accuracy).toBeGreaterThanOrEqual(0.95);
    const linear = createSession(PRESETS["linear-circle"].config);
    trainEpochs(linear, 60);
    const s = snapshot(linear);
    expect(s.accuracy).toBeLessThan(0.75);
    expect(s.regions).toBe(1);
  });

  it("reports regions as null for curved activations, and a number for ReLU", () => {
    const tanh = createSession({ ...PRESETS["relu-circle"].config, layers: [{ units: 4, activation: "tanh", alpha: 0.01 }] });
    expect(snapshot(tanh).regions).toBeNull();
    const growth = snapshot(createSession(PRESETS["regions-growth"].config));
    expect(growth.regions).toBeGreaterThanOrEqual(1);
    expect(growth.regions).toBeLessThanOrEqual(4);
    expect(growth.map).toHaveLength(100 * 100);
  });

  it("the dead-relu preset kills most ReLU units, and the same run with Leaky ReLU kills none", () => {
    const relu = createSession(PRESETS["dead-relu"].config);
    trainEpochs(relu, 10);
    expect(snapshot(relu).dead.length).toBeGreaterThanOrEqual(8);
    const leaky = createSession({ ...PRESETS["dead-relu"].config, layers: PRESETS["dead-relu"].config.layers.map((l) => ({ ...l, activation: "leaky-relu" as const, alpha: 0.01 })) });
    trainEpochs(leaky, 10);
    expect(snapshot(leaky).dead).toEqual([]);
  });
});
