import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import remarkMdx from "remark-mdx";
import { remarkStaticMath, renderMath } from "./remark-static-math";

type Node = { type: string; name?: string; attributes?: { name: string; value: string }[]; children?: Node[] };

function run(md: string): Node {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkStaticMath);
  return processor.runSync(processor.parse(md)) as Node;
}

function find(node: Node, type: string): Node[] {
  return [...(node.type === type ? [node] : []), ...(node.children ?? []).flatMap((c) => find(c, type))];
}

describe("remarkStaticMath", () => {
  it("turns inline and display math into <StaticMath> with KaTeX's HTML and MathML", () => {
    const tree = run("Inline $x^2$ here.\n\n$$\n\\sigma(x)\n$$\n");
    const inline = find(tree, "mdxJsxTextElement");
    const display = find(tree, "mdxJsxFlowElement");
    expect(inline).toHaveLength(1);
    expect(display).toHaveLength(1);
    expect(inline[0].name).toBe("StaticMath");
    expect(inline[0].attributes).toEqual([{ type: "mdxJsxAttribute", name: "html", value: renderMath("x^2", false) }]);
    expect(display[0].attributes?.find((a) => a.name === "display")?.value).toBe("true");
    expect(display[0].attributes?.[0].value).toContain('class="katex-display"');
    expect(display[0].attributes?.[0].value).toContain("<math");
    expect(find(tree, "inlineMath")).toHaveLength(0);
    expect(find(tree, "math")).toHaveLength(0);
  });

  it("leaves a tree remark-rehype can convert (leaf nodes keep no children key)", () => {
    const options: RemarkRehypeOptions = { passThrough: ["mdxJsxFlowElement", "mdxJsxTextElement", "mdxFlowExpression", "mdxTextExpression", "mdxjsEsm"] };
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkStaticMath).use(remarkRehype, options);
    const hast = processor.runSync(processor.parse("Text $x$, **bold** and {1 + 1}.\n\n$$\ny\n$$\n")) as Node;
    expect(find(hast, "mdxJsxTextElement")).toHaveLength(1);
    expect(find(hast, "mdxJsxFlowElement")).toHaveLength(1);
  });

  it("throws on TeX KaTeX cannot render", () => {
    expect(() => run("Bad $\\frac{1}$ math.")).toThrow();
  });
});
