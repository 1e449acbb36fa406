// A lesson's table of contents, read from its MDX source: its ## and ### headings with the ids rehype-slug gives
// them (the same github-slugger, fed every heading in order so duplicates get the same -1, -2 suffixes), plus the
// end-of-lesson <Quiz id="…" />, whose own heading is "Check your understanding".
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import GithubSlugger from "github-slugger";
import matter from "gray-matter";
import { lessonsRoot } from "./lessons.server";

/** One entry: heading level (2 or 3), its plain text, and the element id to link to. */
export type TocItem = { depth: 2 | 3; text: string; id: string };

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const QUIZ = /<Quiz\s+id="([a-z0-9-]+)"\s*\/>/;

/** Markdown inline syntax down to the text a reader sees (and rehype-slug slugs). */
function plainText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images → their text
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(\*|_)(.+?)\1/g, "$2")
    .trim();
}

/** The table of contents of an MDX source (frontmatter allowed; fenced code blocks are skipped). */
export function extractToc(source: string): TocItem[] {
  const { content } = matter(source);
  const slugger = new GithubSlugger();
  const items: TocItem[] = [];
  let fence: string | null = null;
  for (const line of content.split("\n")) {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = HEADING.exec(line);
    if (h) {
      const text = plainText(h[2]);
      const id = slugger.slug(text);
      const depth = h[1].length;
      if (depth === 2 || depth === 3) items.push({ depth, text, id });
      continue;
    }
    const q = QUIZ.exec(line);
    if (q) items.push({ depth: 2, text: "Check your understanding", id: `quiz-${q[1]}-heading` });
  }
  return items;
}

/** The table of contents of lesson `slug`, from content/lessons/<slug>/index.mdx. */
export async function getLessonToc(slug: string, root = lessonsRoot()): Promise<TocItem[]> {
  return extractToc(await readFile(path.join(root, slug, "index.mdx"), "utf8"));
}
