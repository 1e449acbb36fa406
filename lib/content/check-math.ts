// A remark plugin that fails the build on TeX KaTeX cannot render (rehype-katex only warns and paints it red),
// naming the line and column so an author finds the typo at once.
import katex from "katex";

type MdNode = {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
};

/** remark plugin: throws on invalid inline or display math. */
export function remarkCheckMath() {
  return (tree: MdNode, file: { path?: string }) => {
    const visit = (node: MdNode) => {
      if ((node.type === "math" || node.type === "inlineMath") && typeof node.value === "string") {
        try {
          katex.renderToString(node.value, { displayMode: node.type === "math", throwOnError: true, strict: "error" });
        } catch (error) {
          const where = node.position ? `:${node.position.start.line}:${node.position.start.column}` : "";
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${file.path ?? "lesson"}${where}: invalid math — ${reason}`);
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
