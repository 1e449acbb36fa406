import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeSlug from "rehype-slug";
import type { Root, Element } from "hast";
import { extractToc, getLessonToc } from "./toc";

const SOURCE = `---
title: T
---
Intro.

## Two linear layers are one

### A worked example

\`\`\`md
## Not a heading
\`\`\`

## What \`ReLU\` buys, and **why**

## Summary

## Summary

<Quiz id="relu-check" />
`;

/** The ids rehype-slug gives the same markdown (JSX lines removed), as the lesson pipeline does. */
function rehypeIds(md: string): { depth: number; id: string }[] {
  const tree = unified().use(remarkParse).use(remarkRehype).use(rehypeSlug).runSync(unified().use(remarkParse).parse(md)) as Root;
  const out: { depth: number; id: string }[] = [];
  const walk = (n: Root | Element) => {
    for (const c of n.children) {
      if (c.type === "element") {
        const m = /^h([23])$/.exec(c.tagName);
        if (m) out.push({ depth: Number(m[1]), id: String(c.properties.id) });
        walk(c);
      }
    }
  };
  walk(tree);
  return out;
}

describe("extractToc", () => {
  it("lists ## and ### headings with rehype-slug's ids, skips code, and adds the quiz", () => {
    const toc = extractToc(SOURCE);
    expect(toc).toEqual([
      { depth: 2, text: "Two linear layers are one", id: "two-linear-layers-are-one" },
      { depth: 3, text: "A worked example", id: "a-worked-example" },
      { depth: 2, text: "What ReLU buys, and why", id: "what-relu-buys-and-why" },
      { depth: 2, text: "Summary", id: "summary" },
      { depth: 2, text: "Summary", id: "summary-1" },
      { depth: 2, text: "Check your understanding", id: "quiz-relu-check-heading" },
    ]);
    const body = SOURCE.replace(/^---[\s\S]*?---\n/, "").replace(/<Quiz[^>]*>/, "");
    expect(toc.filter((t) => !t.id.startsWith("quiz-")).map(({ depth, id }) => ({ depth, id }))).toEqual(rehypeIds(body));
  });

  it("reads every real lesson and finds its sections", async () => {
    for (const slug of ["why-activation-functions", "sigmoid-vanishing-gradient", "relu", "dead-relu-leaky-relu", "is-relu-linear"]) {
      const toc = await getLessonToc(slug);
      expect(toc.length, slug).toBeGreaterThan(2);
      expect(toc.some((t) => t.text === "Summary"), slug).toBe(true);
      expect(new Set(toc.map((t) => t.id)).size, slug).toBe(toc.length);
    }
  });
});
