// First-load JavaScript of every lesson, measured from the production server the way a browser meets it:
// the <script src> files in the page's HTML, gzipped, compared with a page that has no interactive
// components of its own (the not-found page: the site shell only). Also reports the inline RSC payload.
//   npm run first-load-js -- [--url http://127.0.0.1:3309] [--port 3309] [--budget-kb 60]
// Exits 1 when a lesson ships more than --budget-kb of gzipped JS beyond the bare page.
import { readdirSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { createScratchDatabase } from "./reliability/database";
import { startProductionServer } from "./reliability/server";

const { values } = parseArgs({ options: { url: { type: "string" }, port: { type: "string" }, "budget-kb": { type: "string" } } });
const root = process.cwd();
const budgetKb = Number(values["budget-kb"] ?? 60);

function lessonSlugs(): string[] {
  const dir = path.join(root, "content", "lessons");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "index.mdx")))
    .map((e) => ({ slug: e.name, order: Number(/^order:\s*(\d+)/m.exec(readFileSync(path.join(dir, e.name, "index.mdx"), "utf8"))?.[1] ?? Infinity) }))
    .sort((a, b) => a.order - b.order)
    .map((l) => l.slug);
}

type PageJs = { page: string; status: number; files: number; rawKb: number; gzipKb: number; inlineKb: number; srcs: Set<string> };

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const cache = new Map<string, { raw: number; gzip: number }>();

async function measure(base: string, page: string): Promise<PageJs> {
  const res = await fetch(`${base}${page}`);
  const html = await res.text();
  const srcs = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snoModule/i.test(m[0])).map((m) => m[1]));
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    if (!cache.has(src)) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      cache.set(src, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    raw += cache.get(src)!.raw;
    gzip += cache.get(src)!.gzip;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + gzipSync(Buffer.from(m[1])).length, 0);
  return { page, status: res.status, files: srcs.size, rawKb: kb(raw), gzipKb: kb(gzip), inlineKb: kb(inline), srcs };
}

async function main() {
  let base = values.url;
  let stop = async () => {};
  if (!base) {
    const db = await createScratchDatabase("sqlite");
    const server = await startProductionServer({ root, port: Number(values.port ?? 3309), env: db.env });
    base = server.url;
    stop = async () => {
      await server.stop();
      await db.drop();
    };
  }
  try {
    const bare = await measure(base, "/no-such-page-for-first-load-js");
    const home = await measure(base, "/");
    const rows = [bare, home];
    for (const slug of lessonSlugs()) rows.push(await measure(base, `/lessons/${slug}`));
    console.log(`First-load JS (gzip -9 of each <script src> on the page; baseline = the not-found page, the site shell only)\n`);
    console.log("| page | status | script files | JS raw KB | JS gzip KB | beyond bare page, gzip KB | lesson-only files | inline RSC payload gzip KB |");
    console.log("|---|---|---|---|---|---|---|---|");
    let over = false;
    for (const r of rows) {
      const own = [...r.srcs].filter((s) => !bare.srcs.has(s));
      const extra = kb(own.reduce((n, s) => n + cache.get(s)!.gzip, 0));
      const label = r === bare ? "bare page (not-found)" : r.page;
      if (r.page.startsWith("/lessons/") && extra > budgetKb) over = true;
      console.log(`| ${label} | ${r.status} | ${r.files} | ${r.rawKb} | ${r.gzipKb} | ${r === bare ? "—" : extra} | ${r === bare ? "—" : own.length} | ${r.inlineKb} |`);
    }
    console.log(`\nbudget: each lesson ≤ ${budgetKb} KB gzip of JS beyond the bare page — ${over ? "EXCEEDED" : "met"}`);
    process.exitCode = over ? 1 : 0;
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
