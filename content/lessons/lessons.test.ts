// Guards on the lesson sources: every <Fact> and <Value> names something lib/math has, and prose outside
// math, code and JSX types no decimal results by hand (only the inputs and framework defaults listed below).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isActivationId } from "@/lib/math/activations";
import { isFactName } from "@/lib/math/facts";

const dir = path.join(process.cwd(), "content", "lessons");
const lessons = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => ({ slug: e.name, source: readFileSync(path.join(dir, e.name, "index.mdx"), "utf8") }));

/** Decimals that are inputs or other libraries' documented defaults, not results: they may appear in prose. */
const ALLOWED_DECIMALS = new Set(["0.01", "0.2", "0.3"]);

function prose(source: string): string {
  return source
    .replace(/^---[\s\S]*?---/, "")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/\$\$[\s\S]*?\$\$/g, "")
    .replace(/\$[^$\n]*\$/g, "")
    .replace(/`[^`\n]*`/g, "")
    .replace(/<[A-Z][\s\S]*?\/>/g, "");
}

describe("lesson sources", () => {
  it("has the five lessons", () => {
    expect(lessons.map((l) => l.slug).sort()).toEqual(
      ["dead-relu-leaky-relu", "is-relu-linear", "relu", "sigmoid-vanishing-gradient", "why-activation-functions"].sort(),
    );
  });

  it.each(lessons)("$slug: every <Fact> and <Value> refers to lib/math", ({ source }) => {
    for (const m of source.matchAll(/<Fact\s+name="([^"]+)"/g)) expect(isFactName(m[1]), m[1]).toBe(true);
    for (const m of source.matchAll(/<Value\s+fn="([^"]+)"/g)) expect(isActivationId(m[1]), m[1]).toBe(true);
  });

  it.each(lessons)("$slug: prose types no computed decimals", ({ source }) => {
    const decimals = [...prose(source).matchAll(/(?<![\w.])\d+\.\d+(?:e[−-]?\d+)?/g)].map((m) => m[0]);
    expect(decimals.filter((d) => !ALLOWED_DECIMALS.has(d))).toEqual([]);
  });
});
