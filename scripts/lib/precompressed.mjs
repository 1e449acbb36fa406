// Brotli for the build's JavaScript and CSS. Next compresses with gzip only; brotli at its highest quality
// makes the same files ~15 % smaller (a lesson's 172 KB of gzip'd scripts and styles become 147 KB), and a
// lesson's first paint on a slow connection waits on those bytes (docs/decisions/068). The files under
// .next/static are immutable (content-hashed names), so each is compressed once — when the server starts
// after a build, kept beside it as <file>.br for later starts — and served from memory.
import { readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { SECURITY_HEADERS } from "../../lib/http/security-headers.mjs";

const brotli = promisify(zlib.brotliCompress);
const TYPES = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
const PREFIX = "/_next/static/";

/** True when the request's Accept-Encoding offers br (and does not refuse it with q=0). */
export function acceptsBrotli(header) {
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().split(";");
    if (name.trim().toLowerCase() !== "br") return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    return !q || Number(q[1]) > 0;
  });
}

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (Object.hasOwn(TYPES, path.extname(entry.name))) yield full;
  }
}

/** The brotli form of one file: read from <file>.br when that is newer, else compressed and written there. */
async function compressed(file) {
  const [source, cached] = await Promise.all([stat(file), stat(`${file}.br`).catch(() => null)]);
  if (cached && cached.mtimeMs >= source.mtimeMs) return readFile(`${file}.br`);
  const data = await readFile(file);
  const br = await brotli(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  // Written under a temporary name and renamed, so another server starting on the same build never reads
  // half a file; a read-only build is still served from memory.
  const tmp = `${file}.br.${process.pid}.tmp`;
  await writeFile(tmp, br)
    .then(() => rename(tmp, `${file}.br`))
    .catch(() => rm(tmp, { force: true }).catch(() => {}));
  return br;
}

/**
 * Loads the brotli forms of every .js and .css under `staticDir` (.next/static) and returns a handler for
 * GET/HEAD /_next/static/… that answers those it has when the client accepts br, and returns false for
 * everything else (Next answers it, with gzip, as before).
 */
export async function loadPrecompressed(staticDir) {
  const table = new Map();
  const all = [];
  for await (const file of files(staticDir)) all.push(file);
  await Promise.all(all.map(async (file) => table.set(PREFIX + path.relative(staticDir, file).split(path.sep).join("/"), { body: await compressed(file), type: TYPES[path.extname(file)] })));

  return function servePrecompressed(req, res) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    if (!url.startsWith(PREFIX)) return false;
    const entry = table.get(url.split("?")[0]);
    if (!entry || !acceptsBrotli(req.headers["accept-encoding"])) return false;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Type": entry.type,
      "Content-Encoding": "br",
      "Content-Length": entry.body.length,
      Vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  };
}
