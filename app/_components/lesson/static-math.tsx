// Renders build-time KaTeX HTML (see lib/content/remark-static-math.ts) without React hydrating its elements.
// The HTML comes from KaTeX at build time, from the lesson's own TeX — never from a request.
export function StaticMath({ html, display }: { html: string; display?: string }) {
  if (typeof html !== "string") throw new Error("<StaticMath> needs the html produced by remarkStaticMath");
  return display ? <div dangerouslySetInnerHTML={{ __html: html }} /> : <span dangerouslySetInnerHTML={{ __html: html }} />;
}
