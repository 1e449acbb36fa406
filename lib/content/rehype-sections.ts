// A rehype plugin that wraps a lesson's top-level content in <section class="lesson-section"> elements, one
// from each h2 to the next (and one for any content before the first h2). The CSS gives these sections
// `content-visibility: auto`, so the browser skips style and layout of the sections below the fold until they
// scroll near the viewport: a lesson is 1,600–3,500 elements (mostly KaTeX), and laying all of them out on load
// was most of the main-thread time Lighthouse counted (docs/decisions/064-lesson-rendering-budget.md).
// MDX's ESM nodes (import/export) stay at the root, where the compiler expects them.

export type HastNode = {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
};

/** Class name the sections get (styled in app/globals.css). */
export const LESSON_SECTION_CLASS = "lesson-section";

const isSectionStart = (node: HastNode) => node.type === "element" && node.tagName === "h2";
const staysAtRoot = (node: HastNode) => node.type === "mdxjsEsm";
const isBlank = (node: HastNode) => node.type === "text" && (node.value ?? "").trim() === "";

/** rehype plugin: groups the root's children into sections starting at each h2. */
export function rehypeSections() {
  return (tree: HastNode) => {
    const root = tree.children ?? [];
    const out: HastNode[] = [];
    let current: HastNode | null = null;
    for (const node of root) {
      if (staysAtRoot(node)) {
        out.push(node);
        continue;
      }
      if (isSectionStart(node) || current === null) {
        if (current === null && isBlank(node)) continue;
        current = { type: "element", tagName: "section", properties: { className: [LESSON_SECTION_CLASS] }, children: [] };
        out.push(current);
      }
      current.children!.push(node);
    }
    tree.children = out;
  };
}
