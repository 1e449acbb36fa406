// A remark plugin that typesets math with KaTeX at build time and hands the result to the page as one HTML
// string (<StaticMath html="…" />, rendered with dangerouslySetInnerHTML). Same markup as rehype-katex, but React
// does not hydrate it element by element: KaTeX output was 70–90 % of a lesson's DOM, and hydrating it was most
// of the main-thread work Lighthouse counted as blocking time. Run it after remarkMath and remarkCheckMath.
import katex from "katex";

type MdNode = {
  type: string;
  value?: string;
  children?: MdNode[];
  name?: string;
  attributes?: { type: "mdxJsxAttribute"; name: string; value: string }[];
  position?: { start: { line: number; column: number } };
};

/** KaTeX's HTML for one formula: HTML for the eye plus MathML for screen readers, strict about bad input. */
export function renderMath(tex: string, display: boolean): string {
  return katex.renderToString(tex, { displayMode: display, output: "htmlAndMathml", strict: "error", throwOnError: true });
}

/** remark plugin: replaces `math` and `inlineMath` nodes with <StaticMath html display? /> JSX elements. */
export function remarkStaticMath() {
  return (tree: MdNode) => {
    const visit = (node: MdNode) => {
      // Only parents get a children array: mdast-util-to-hast treats any node with a `children` key as one.
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if ((child.type === "math" || child.type === "inlineMath") && typeof child.value === "string") {
          const display = child.type === "math";
          const attributes: NonNullable<MdNode["attributes"]> = [{ type: "mdxJsxAttribute", name: "html", value: renderMath(child.value, display) }];
          if (display) attributes.push({ type: "mdxJsxAttribute", name: "display", value: "true" });
          return { type: display ? "mdxJsxFlowElement" : "mdxJsxTextElement", name: "StaticMath", attributes, children: [], position: child.position };
        }
        visit(child);
        return child;
      });
    };
    visit(tree);
  };
}
