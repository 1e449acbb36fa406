// Inline numbers for lesson prose, computed by lib/math on the server so MDX never types a result by hand:
// <Fact name="sigmoidBound10" /> renders a named fact; <Value fn="leaky-relu" x={-3} alpha={0.01} derivative />
// renders f(x) or f′(x) of a registry activation. An unknown name or id fails the build, loudly.
import { ACTIVATIONS, isActivationId } from "@/lib/math/activations";
import { FACTS, isFactName } from "@/lib/math/facts";
import { formatNumber } from "@/lib/math/format";

export function Fact({ name, significant }: { name: string; significant?: number }) {
  if (!isFactName(name)) throw new Error(`<Fact name="${name}" />: no such fact in lib/math/facts.ts`);
  return <span className="num">{formatNumber(FACTS[name].value, { significant })}</span>;
}

type ValueProps = { fn: string; x: number; alpha?: number; derivative?: boolean; significant?: number };

export function Value({ fn, x, alpha, derivative = false, significant }: ValueProps) {
  if (!isActivationId(fn)) throw new Error(`<Value fn="${fn}" />: not an activation id`);
  if (typeof x !== "number" || !Number.isFinite(x)) throw new Error(`<Value fn="${fn}" x=… />: x must be a finite number`);
  const act = ACTIVATIONS[fn];
  const v = derivative ? act.df(x, alpha) : act.f(x, alpha);
  return <span className="num">{formatNumber(v, { significant })}</span>;
}
