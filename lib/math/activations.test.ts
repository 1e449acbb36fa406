// The registry, the conventions at kinks, and properties every activation must keep for any input.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import katex from "katex";
import * as A from "./activations";
import { ACTIVATION_IDS, ACTIVATIONS, isActivationId, kinksOf } from "./activations";

describe("registry", () => {
  it("lists the ids in the contract's order, each entry keyed by its own id", () => {
    expect(ACTIVATION_IDS).toEqual(["linear", "sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus", "gelu", "silu"]);
    expect(Object.keys(ACTIVATIONS).sort()).toEqual([...ACTIVATION_IDS].sort());
    for (const id of ACTIVATION_IDS) expect(ACTIVATIONS[id].id).toBe(id);
  });

  it.each([
    ["linear", A.linear, A.linearDerivative],
    ["sigmoid", A.sigmoid, A.sigmoidDerivative],
    ["tanh", A.tanh, A.tanhDerivative],
    ["relu", A.relu, A.reluDerivative],
    ["leaky-relu", A.leakyRelu, A.leakyReluDerivative],
    ["elu", A.elu, A.eluDerivative],
    ["softplus", A.softplus, A.softplusDerivative],
    ["gelu", A.gelu, A.geluDerivative],
    ["silu", A.silu, A.siluDerivative],
  ] as const)("%s holds the plain functions", (id, f, df) => {
    expect(ACTIVATIONS[id].f).toBe(f);
    expect(ACTIVATIONS[id].df).toBe(df);
  });

  it("has a label and TeX for f and f′; the piecewise derivatives say where they are undefined", () => {
    for (const id of ACTIVATION_IDS) {
      const a = ACTIVATIONS[id];
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.texF.length).toBeGreaterThan(0);
      expect(a.texDf.length).toBeGreaterThan(0);
    }
    expect(ACTIVATIONS.relu.label).toBe("ReLU");
    expect(ACTIVATIONS["leaky-relu"].label).toBe("Leaky ReLU");
    for (const id of ["relu", "leaky-relu", "elu"] as const) {
      expect(ACTIVATIONS[id].texDf).toMatch(/^\\begin\{cases\}.*\\end\{cases\}$/);
      expect(ACTIVATIONS[id].texDf).toContain("undefined");
      expect(ACTIVATIONS[id].kinkNote).toMatch(/undefined/i);
    }
  });

  it.each(ACTIVATION_IDS)("%s: its TeX renders in KaTeX without errors", (id) => {
    const { texF, texDf } = ACTIVATIONS[id];
    for (const tex of [texF, texDf]) expect(() => katex.renderToString(tex, { throwOnError: true, strict: "error" })).not.toThrow();
  });

  it("only leaky-relu and elu take α, with PyTorch's defaults inside their ranges", () => {
    const withParam = ACTIVATION_IDS.filter((id) => ACTIVATIONS[id].param);
    expect(withParam).toEqual(["leaky-relu", "elu"]);
    const leaky = ACTIVATIONS["leaky-relu"].param!;
    expect(leaky).toMatchObject({ name: "alpha", default: 0.01 });
    expect(leaky.min).toBeGreaterThan(0);
    expect(leaky.max).toBeLessThan(1);
    expect(ACTIVATIONS.elu.param).toMatchObject({ name: "alpha", default: 1 });
    for (const p of [leaky, ACTIVATIONS.elu.param!]) {
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
      // The default sits on the slider's grid.
      expect(Math.abs((p.default - p.min) / p.step - Math.round((p.default - p.min) / p.step))).toBeLessThan(1e-9);
    }
  });

  it("f and df use the default α when none is given, and ignore α where there is none", () => {
    expect(ACTIVATIONS["leaky-relu"].f(-2)).toBe(-0.02);
    expect(ACTIVATIONS["leaky-relu"].f(-2, 0.5)).toBe(-1);
    expect(ACTIVATIONS["leaky-relu"].df(-2)).toBe(0.01);
    expect(ACTIVATIONS.elu.f(-1)).toBe(Math.expm1(-1));
    expect(ACTIVATIONS.elu.f(-1, 2)).toBe(2 * Math.expm1(-1));
    expect(ACTIVATIONS.relu.f(-2, 0.5)).toBe(0);
    expect(ACTIVATIONS.sigmoid.f(0, 7)).toBe(0.5);
  });

  it("records the kinks, and ELU's only when α ≠ 1", () => {
    expect(ACTIVATION_IDS.filter((id) => ACTIVATIONS[id].kinks.length > 0)).toEqual(["relu", "leaky-relu"]);
    expect(ACTIVATIONS.relu.kinks).toEqual([0]);
    expect(kinksOf("elu")).toEqual([]);
    expect(kinksOf("elu", 1)).toEqual([]);
    expect(kinksOf("elu", 0.5)).toEqual([0]);
    expect(kinksOf("leaky-relu", 0.2)).toEqual([0]);
    expect(kinksOf("relu")).toEqual([0]);
    expect(kinksOf("gelu")).toEqual([]);
  });

  it("isActivationId accepts exactly the ids", () => {
    for (const id of ACTIVATION_IDS) expect(isActivationId(id)).toBe(true);
    for (const s of ["ReLU", "leaky_relu", "", "toString", "__proto__", 1, null, undefined, {}]) expect(isActivationId(s)).toBe(false);
  });
});

describe("derivatives at the kink x = 0 follow PyTorch's autograd", () => {
  it.each([
    ["ReLU′(0) = 0", A.reluDerivative(0), 0],
    ["ReLU′(−0) = 0", A.reluDerivative(-0), 0],
    ["LeakyReLU′(0) = α (default 0.01)", A.leakyReluDerivative(0), 0.01],
    ["LeakyReLU′(0, α = 0.2) = 0.2", A.leakyReluDerivative(0, 0.2), 0.2],
    ["ELU′(0) = α = 1", A.eluDerivative(0), 1],
    ["ELU′(0, α = 0.5) = 0.5", A.eluDerivative(0, 0.5), 0.5],
    ["ELU′(0, α = 2) = 2", A.eluDerivative(0, 2), 2],
  ])("%s", (_label, got, expected) => {
    expect(got).toBe(expected);
  });

  it("one step either side gives the one-sided slopes", () => {
    const tiny = Number.MIN_VALUE;
    expect([A.reluDerivative(tiny), A.reluDerivative(-tiny)]).toEqual([1, 0]);
    expect([A.leakyReluDerivative(tiny, 0.1), A.leakyReluDerivative(-tiny, 0.1)]).toEqual([1, 0.1]);
    expect([A.eluDerivative(tiny, 0.5), A.eluDerivative(-tiny, 0.5)]).toEqual([1, 0.5]);
  });
});

describe("every activation, for any input", () => {
  const entries = ACTIVATION_IDS.map((id) => [id, ACTIVATIONS[id]] as const);
  const alpha = (id: string) => (id === "leaky-relu" ? fc.double({ min: 0.001, max: 0.99, noNaN: true }) : id === "elu" ? fc.double({ min: 0.1, max: 3, noNaN: true }) : fc.constant(undefined));

  it.each(entries)("%s: finite in, finite out (f and f′), across the whole float64 range", (id, a) => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), alpha(id), (x, al) => Number.isFinite(a.f(x, al)) && Number.isFinite(a.df(x, al))),
      { numRuns: 1000 },
    );
    for (const x of [-1000, -745, -710, -40, -1e-300, 0, -0, 5e-324, 40, 710, 745, 1000, Number.MAX_VALUE, -Number.MAX_VALUE]) {
      expect(Number.isFinite(a.f(x)), `f(${x})`).toBe(true);
      expect(Number.isFinite(a.df(x)), `f′(${x})`).toBe(true);
    }
  });

  it.each(entries)("%s: NaN in gives NaN out, without throwing", (_id, a) => {
    expect(a.f(NaN)).toBeNaN();
    expect(a.df(NaN)).toBeNaN();
    expect(a.f(NaN, 0.5)).toBeNaN();
    expect(a.df(NaN, 0.5)).toBeNaN();
  });

  it.each(entries)("%s: the limits at ±∞ are numbers, never NaN", (_id, a) => {
    for (const x of [Infinity, -Infinity]) {
      expect(a.f(x)).not.toBeNaN();
      expect(a.df(x)).not.toBeNaN();
    }
  });
});

describe("shape", () => {
  const x = fc.double({ min: -1e4, max: 1e4, noNaN: true });

  it.each(["linear", "sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus"] as const)("%s is non-decreasing", (id) => {
    const f = ACTIVATIONS[id].f;
    fc.assert(fc.property(x, x, (a, b) => (a <= b ? f(a) <= f(b) : f(a) >= f(b))));
    fc.assert(fc.property(x, (a) => ACTIVATIONS[id].df(a) >= 0));
  });

  it("GELU and SiLU are not monotone: they dip below 0 and come back", () => {
    expect(A.gelu(-0.75)).toBeLessThan(A.gelu(-3));
    expect(A.silu(-1.28)).toBeLessThan(A.silu(-5));
    expect(A.geluDerivative(-2)).toBeLessThan(0);
    expect(A.siluDerivative(-2)).toBeLessThan(0);
  });

  it("ReLU is positively homogeneous: relu(c·x) = c·relu(x) for c ≥ 0", () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), x, (c, x) => A.relu(c * x) === c * A.relu(x)));
  });

  it("Leaky ReLU with 0 < α < 1 is max(αx, x)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-9, noNaN: true }), fc.double({ noNaN: true }), (al, x) => A.leakyRelu(x, al) === Math.max(al * x, x)),
    );
  });

  it("ReLU is max(0, x) and its derivative is 0 or 1", () => {
    fc.assert(fc.property(x, (x) => A.relu(x) === Math.max(0, x) && [0, 1].includes(A.reluDerivative(x))));
  });
});
