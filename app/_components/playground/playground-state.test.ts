import { describe, expect, it } from "vitest";
import { PRESETS, configToUrl, needsReset, type PlaygroundConfig } from "./playground-state";
import { configFromUrl, configSchema } from "./playground-url";

const relu = PRESETS["relu-circle"].config;

describe("playground URL state", () => {
  it.each(Object.keys(PRESETS))("round-trips the %s preset", (id) => {
    const config = PRESETS[id as keyof typeof PRESETS].config;
    expect(configSchema.parse(config)).toEqual(config);
    expect(configFromUrl(configToUrl(config), relu)).toEqual({ config, error: null });
  });

  it("round-trips a mixed configuration, including zero hidden layers", () => {
    const mixed: PlaygroundConfig = {
      ...relu,
      dataset: "spiral",
      noise: 0.25,
      seed: 4242,
      layers: [
        { units: 3, activation: "leaky-relu", alpha: 0.2 },
        { units: 8, activation: "tanh", alpha: 0.01 },
        { units: 1, activation: "elu", alpha: 1.5 },
      ],
      learningRate: 0.003,
      batchSize: 50,
      optimizer: "sgd",
      speed: 0,
    };
    expect(configFromUrl(configToUrl(mixed), relu).config).toEqual(mixed);
    const none = { ...relu, layers: [] };
    expect(configFromUrl(configToUrl(none), relu).config).toEqual(none);
  });

  it("uses the fallback when the address has nothing, and fills missing parts from it", () => {
    expect(configFromUrl({}, relu).config).toBe(relu);
    expect(configFromUrl({ lr: "0.1" }, relu).config).toEqual({ ...relu, learningRate: 0.1 });
  });

  it.each([
    [{ data: "moons" }, "data"],
    [{ noise: "0.9" }, "noise"],
    [{ seed: "1.5" }, "seed"],
    [{ units: "8,9", act: "relu,relu", alpha: "0.01,0.01" }, "units"],
    [{ units: "8,8,8,8,8", act: "relu,relu,relu,relu,relu", alpha: "0.1,0.1,0.1,0.1,0.1" }, "units"],
    [{ units: "8", act: "swish", alpha: "0.01" }, "act"],
    [{ units: "8,8", act: "relu" }, "act"],
    [{ units: "8", act: "leaky-relu", alpha: "1.5" }, "alpha"],
    [{ lr: "fast" }, "lr"],
    [{ lr: "" }, "lr"],
    [{ batch: "0" }, "batch"],
    [{ opt: "rmsprop" }, "opt"],
  ])("reports %o as a bad %s", (values, field) => {
    const r = configFromUrl(values, relu);
    expect(r.config).toBeNull();
    expect(r.error?.field).toBe(field);
    expect(r.error?.message).toBeTruthy();
  });

  it("resets the network only when data or architecture change", () => {
    expect(needsReset(relu, { ...relu, learningRate: 0.3, batchSize: 1, optimizer: "sgd", speed: 5 })).toBe(false);
    expect(needsReset(relu, { ...relu, noise: 0.1 })).toBe(true);
    expect(needsReset(relu, { ...relu, layers: [...relu.layers, relu.layers[0]] })).toBe(true);
  });
});
