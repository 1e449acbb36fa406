import { describe, expect, it } from "vitest";
import { rehypeSections, LESSON_SECTION_CLASS, type HastNode } from "./rehype-sections";

const el = (tagName: string, text = ""): HastNode => ({ type: "element", tagName, properties: {}, children: text ? [{ type: "text", value: text }] : [] });
const sectionsOf = (tree: HastNode) => tree.children!.map((n) => (n.tagName === "section" ? n.children!.map((c) => c.tagName ?? "#") : n.type));

describe("rehypeSections", () => {
  it("starts a section at each h2, keeping the intro in its own section", () => {
    const tree: HastNode = { type: "root", children: [el("p", "intro"), el("h2", "A"), el("p"), el("h3"), el("p"), el("h2", "B"), el("div")] };
    rehypeSections()(tree);
    expect(sectionsOf(tree)).toEqual([["p"], ["h2", "p", "h3", "p"], ["h2", "div"]]);
    expect(tree.children!.every((n) => (n.properties?.className as string[])[0] === LESSON_SECTION_CLASS)).toBe(true);
  });

  it("leaves MDX import/export nodes at the root and drops leading whitespace", () => {
    const esm = { type: "mdxjsEsm", value: "export const x = 1" };
    const tree: HastNode = { type: "root", children: [esm, { type: "text", value: "\n" }, el("h2"), el("p")] };
    rehypeSections()(tree);
    expect(sectionsOf(tree)).toEqual(["mdxjsEsm", ["h2", "p"]]);
  });

  it("wraps nothing in an empty document", () => {
    const tree: HastNode = { type: "root", children: [] };
    rehypeSections()(tree);
    expect(tree.children).toEqual([]);
  });
});
