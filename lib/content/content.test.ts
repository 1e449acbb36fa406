// The lesson pipeline: frontmatter errors name file and field; compile output is cached by content hash.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrontmatterError, parseFrontmatter } from "./frontmatter";
import { compileLesson } from "./compile.server";
import { getLesson, getLessons } from "./lessons.server";

const good = { title: "T", summary: "S", objectives: ["o"], prerequisites: [], minutes: 5, order: 1 };

describe("parseFrontmatter", () => {
  const cases: { name: string; data: unknown; field: string }[] = [
    { name: "missing title", data: { ...good, title: undefined }, field: "title" },
    { name: "empty summary", data: { ...good, summary: "  " }, field: "summary" },
    { name: "minutes not a number", data: { ...good, minutes: "ten" }, field: "minutes" },
    { name: "negative order", data: { ...good, order: -1 }, field: "order" },
    { name: "no objectives", data: { ...good, objectives: [] }, field: "objectives" },
    { name: "prerequisites not a list", data: { ...good, prerequisites: "relu" }, field: "prerequisites" },
    { name: "unknown field", data: { ...good, colour: "red" }, field: "colour" },
    { name: "no frontmatter at all", data: undefined, field: "title" },
  ];
  it.each(cases)("rejects $name, naming the file and the field", ({ data, field }) => {
    expect(() => parseFrontmatter("content/lessons/x/index.mdx", data)).toThrow(FrontmatterError);
    try {
      parseFrontmatter("content/lessons/x/index.mdx", data);
    } catch (error) {
      const e = error as FrontmatterError;
      expect(e.fields).toContain(field);
      expect(e.message).toContain("content/lessons/x/index.mdx");
      expect(e.message).toContain(`"${field}`);
    }
  });

  it("accepts a complete frontmatter", () => {
    expect(parseFrontmatter("f", good)).toEqual(good);
  });
});

describe("lessons on disk", () => {
  let root: string;
  let cacheDir: string;

  const writeLesson = async (slug: string, frontmatter: string, body = "Hello $x^2$.\n") => {
    await mkdir(path.join(root, slug), { recursive: true });
    await writeFile(path.join(root, slug, "index.mdx"), `---\n${frontmatter}\n---\n\n${body}`);
  };
  const fm = (order: number, extra = "") =>
    `title: Lesson ${order}\nsummary: About ${order}\nobjectives: [learn]\nprerequisites: []\nminutes: 5\norder: ${order}${extra}`;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "lessons-"));
    cacheDir = path.join(root, "..", `${path.basename(root)}-cache`);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("lists lessons in course order", async () => {
    await writeLesson("second", fm(2));
    await writeLesson("first", fm(1));
    expect((await getLessons(root)).map((l) => l.slug)).toEqual(["first", "second"]);
  });

  it("fails on a broken field with the file and the field named", async () => {
    await writeLesson("broken", fm(1).replace("minutes: 5", "minutes: soon"));
    await expect(getLessons(root)).rejects.toThrow(/broken\/index\.mdx.*"minutes"/);
  });

  it("fails on an unknown prerequisite and on a duplicate order", async () => {
    await writeLesson("a", fm(1, "").replace("prerequisites: []", "prerequisites: [nope]"));
    await expect(getLessons(root)).rejects.toThrow(/a\/index\.mdx.*"prerequisites".*nope/);
    await writeLesson("a", fm(1));
    await writeLesson("b", fm(1));
    await expect(getLessons(root)).rejects.toThrow(/"order"/);
  });

  it("compiles math on the server and caches by content hash", async () => {
    await writeLesson("m", fm(1), "# Title\n\nInline $\\max(0, x)$.\n");
    const compiled: string[] = [];
    const onCompile = (f: string) => compiled.push(f);

    const first = await compileLesson(path.join(root, "m"), { cacheDir, onCompile });
    expect(first.code).toContain("katex");
    expect(first.code).toContain("title"); // heading id from rehype-slug
    const again = await compileLesson(path.join(root, "m"), { cacheDir, onCompile });
    expect(compiled).toHaveLength(1);
    expect(again.hash).toBe(first.hash);

    // A file beside the lesson is part of its inputs: changing it recompiles.
    await writeFile(path.join(root, "m", "data.json"), "{}");
    const third = await compileLesson(path.join(root, "m"), { cacheDir, onCompile });
    expect(compiled).toHaveLength(2);
    expect(third.hash).not.toBe(first.hash);
  });

  it("lets a lesson import a file beside it", async () => {
    await mkdir(path.join(root, "imp"), { recursive: true });
    await writeFile(path.join(root, "imp", "fact.ts"), "export const answer = 'forty-two';\n");
    await writeFile(
      path.join(root, "imp", "index.mdx"),
      `---\n${fm(1)}\n---\n\nimport { answer } from "./fact.ts";\n\nThe answer is {answer}.\n`,
    );
    const lesson = await getLesson("imp", { root, cacheDir });
    expect(lesson?.code).toContain("forty-two");
  });

  it("rejects broken math instead of rendering it red", async () => {
    await writeLesson("bad-math", fm(1), "Broken $\\frac{1}{$.\n");
    await expect(compileLesson(path.join(root, "bad-math"), { cacheDir })).rejects.toThrow(/bad-math\/index\.mdx.*invalid math/);
  });

  it("returns null for an unknown slug", async () => {
    await writeLesson("only", fm(1));
    expect(await getLesson("other", { root, cacheDir })).toBeNull();
  });
});
