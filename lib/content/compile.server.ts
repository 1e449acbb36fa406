// Compiles one lesson's MDX with mdx-bundler (remark/rehype plugins in one place) and caches the result
// on disk under a hash of its inputs: the source, every file in the lesson folder, and the compiler versions.
import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import rehypeSlug from "rehype-slug";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import { parseFrontmatter, type LessonFrontmatter } from "./frontmatter";
import { remarkCheckMath } from "./check-math";
import { remarkStaticMath } from "./remark-static-math";

/** Bump when the plugin list or its options change, so cached output is not reused. */
const PIPELINE_VERSION = "3";

export type CompiledLesson = { code: string; frontmatter: LessonFrontmatter; hash: string };

export type CompileOptions = {
  /** Directory of cached compiled lessons; default `.cache/mdx` under the project root. */
  cacheDir?: string;
  /** Called when the compiler actually runs (not on a cache hit) — lets tests prove caching. */
  onCompile?: (file: string) => void;
};

let versionsPromise: Promise<string> | undefined;

async function compilerVersions(): Promise<string> {
  versionsPromise ??= (async () => {
    const names = ["mdx-bundler", "esbuild", "remark-math", "rehype-katex", "katex", "remark-gfm", "rehype-slug", "rehype-autolink-headings"];
    const versions = await Promise.all(
      names.map(async (name) => {
        try {
          const pkg = JSON.parse(await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", name, "package.json"), "utf8"));
          return `${name}@${pkg.version}`;
        } catch {
          return `${name}@?`;
        }
      }),
    );
    return `${PIPELINE_VERSION};${versions.join(",")}`;
  })();
  return versionsPromise;
}

/** Lists every file under `dir` (recursively), sorted, as paths relative to `dir`. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Hash of everything that decides the compiled output of the lesson in `lessonDir`. */
export async function lessonHash(lessonDir: string): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await compilerVersions());
  for (const rel of await listFiles(lessonDir)) {
    hash.update(`\0${rel}\0`);
    hash.update(await readFile(path.join(lessonDir, rel)));
  }
  return hash.digest("hex").slice(0, 32);
}

/** Compiles `<lessonDir>/index.mdx` (or returns the cached result for the same inputs). */
export async function compileLesson(lessonDir: string, options: CompileOptions = {}): Promise<CompiledLesson> {
  const file = path.join(lessonDir, "index.mdx");
  const displayFile = path.relative(process.cwd(), file) || file;
  const hash = await lessonHash(lessonDir);
  const cacheDir = options.cacheDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".cache", "mdx");
  const cacheFile = path.join(cacheDir, `${hash}.json`);

  try {
    const cached = JSON.parse(await readFile(cacheFile, "utf8")) as CompiledLesson;
    // Re-validate: a cache written by an older schema must not slip past the current one.
    return { ...cached, frontmatter: parseFrontmatter(displayFile, cached.frontmatter) };
  } catch {
    // Not cached (or unreadable): compile below.
  }

  const source = await readFile(file, "utf8");
  options.onCompile?.(displayFile);
  const result = await bundleMDX({
    source,
    cwd: lessonDir,
    mdxOptions(mdx) {
      mdx.remarkPlugins = [...(mdx.remarkPlugins ?? []), remarkGfm, remarkMath, remarkCheckMath, remarkStaticMath];
      mdx.rehypePlugins = [
        ...(mdx.rehypePlugins ?? []),
        [rehypeKatex, { output: "htmlAndMathml", strict: "error" }],
        rehypeSlug,
        [
          rehypeAutolinkHeadings,
          {
            behavior: "append",
            properties: { className: ["heading-anchor"], ariaLabel: "Link to this section" },
            content: { type: "text", value: "#" },
          },
        ],
      ];
      return mdx;
    },
    esbuildOptions(esbuild) {
      esbuild.minify = true;
      esbuild.logLevel = "silent"; // errors are rethrown above with the lesson file named
      esbuild.target = ["es2022"];
      return esbuild;
    },
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    // esbuild names the entry by a random virtual file; point the author at the lesson's own lines instead.
    const detail = reason.replace(/\S*_mdx_bundler_entry_point[^:]*\.mdx/g, "line").replace(/\s+/g, " ").trim();
    throw new Error(`${displayFile}: could not compile — ${detail}`);
  });
  if (result.errors.length > 0) {
    throw new Error(`${displayFile}: ${result.errors.map((e) => e.text).join("; ")}`);
  }
  const compiled: CompiledLesson = {
    code: result.code,
    frontmatter: parseFrontmatter(displayFile, result.frontmatter),
    hash,
  };
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(compiled));
  await rename(tmp, cacheFile);
  return compiled;
}
