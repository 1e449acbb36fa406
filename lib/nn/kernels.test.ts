import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTIVATION_IDS, ACTIVATIONS } from "@/lib/math/activations";
import { activate, derivative, kernelOf } from "./kernels";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

describe("activation kernels agree with lib/math", () => {
  it.each(ACTIVATION_IDS.map((id) => [id]))("%s: f and f′ match the registry", (id) => {
    const act = ACTIVATIONS[id];
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (x, alpha) => {
        const a = act.param ? alpha : 0;
        const f = activate(kernelOf(id), x, a, id);
        const df = derivative(kernelOf(id), x, f, a, id);
        expect(close(f, act.f(x, act.param ? a : undefined))).toBe(true);
        expect(close(df, act.df(x, act.param ? a : undefined))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("uses PyTorch's values at the kinks", () => {
    expect(derivative(kernelOf("relu"), 0, 0, 0, "relu")).toBe(0);
    expect(derivative(kernelOf("leaky-relu"), 0, 0, 0.01, "leaky-relu")).toBe(0.01);
  });
});
