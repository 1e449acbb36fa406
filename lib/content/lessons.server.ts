// The course catalogue: finds lessons under content/lessons, validates them, and orders them.
import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { compileLesson, type CompileOptions, type CompiledLesson } from "./compile.server";
import { parseFrontmatter, type LessonFrontmatter } from "./frontmatter";

export type LessonMeta = LessonFrontmatter & { slug: string };
export type Lesson = LessonMeta & { code: string; hash: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function lessonsRoot(): string {
  // Lessons are read at build time only (pages are static), so the server bundle need not trace them.
  return process.env.LESSONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "content", "lessons");
}

/** Every lesson's validated frontmatter, in course order; throws naming the file and field on bad content. */
export async function getLessons(root = lessonsRoot()): Promise<LessonMeta[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const lessons: LessonMeta[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const file = path.join(root, entry.name, "index.mdx");
    const display = path.relative(process.cwd(), file) || file;
    if (!SLUG.test(entry.name)) throw new Error(`${display}: lesson folder name must be kebab-case`);
    try {
      await stat(file);
    } catch {
      throw new Error(`${display}: missing — every lesson folder needs an index.mdx`);
    }
    const { data } = matter(await readFile(file, "utf8"));
    lessons.push({ slug: entry.name, ...parseFrontmatter(display, data) });
  }
  lessons.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  checkCatalogue(lessons);
  return lessons;
}

function checkCatalogue(lessons: LessonMeta[]): void {
  const slugs = new Set(lessons.map((l) => l.slug));
  const orders = new Map<number, string>();
  for (const lesson of lessons) {
    const clash = orders.get(lesson.order);
    if (clash) throw new Error(`content/lessons/${lesson.slug}/index.mdx: field "order": ${lesson.order} is also used by ${clash}`);
    orders.set(lesson.order, lesson.slug);
    for (const pre of lesson.prerequisites) {
      if (!slugs.has(pre)) {
        throw new Error(`content/lessons/${lesson.slug}/index.mdx: field "prerequisites": unknown lesson "${pre}"`);
      }
    }
  }
}

/** One lesson, compiled (cached by content hash), with its neighbours' slugs; null when there is none. */
export async function getLesson(
  slug: string,
  options: CompileOptions & { root?: string } = {},
): Promise<(Lesson & { previous: LessonMeta | null; next: LessonMeta | null }) | null> {
  const root = options.root ?? lessonsRoot();
  const all = await getLessons(root);
  const index = all.findIndex((l) => l.slug === slug);
  if (index < 0) return null;
  const compiled: CompiledLesson = await compileLesson(path.join(/*turbopackIgnore: true*/ root, slug), options);
  return {
    slug,
    ...compiled.frontmatter,
    code: compiled.code,
    hash: compiled.hash,
    previous: all[index - 1] ?? null,
    next: all[index + 1] ?? null,
  };
}
