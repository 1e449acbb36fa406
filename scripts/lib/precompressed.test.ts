import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsBrotli, loadPrecompressed } from "./precompressed.mjs";

describe("acceptsBrotli", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["BR", true],
    ["gzip;q=1, br;q=0.5", true],
    ["br;q=0, gzip", false],
    ["br;q=0.0", false],
    ["gzip, deflate", false],
    ["brotli", false],
    [undefined, false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsBrotli(header)).toBe(expected);
  });
});

/** A minimal response double: what writeHead and end received. */
function response() {
  const r = { status: 0, headers: {} as Record<string, unknown>, body: undefined as Buffer | undefined, ended: false };
  return {
    r,
    res: {
      writeHead(status: number, headers: Record<string, unknown>) {
        r.status = status;
        r.headers = headers;
      },
      end(body?: Buffer) {
        r.body = body;
        r.ended = true;
      },
    },
  };
}

describe("loadPrecompressed", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "precompressed-"));
  mkdirSync(path.join(dir, "chunks"));
  const js = "export const answer = 42;\n".repeat(200);
  writeFileSync(path.join(dir, "chunks", "a.js"), js);
  writeFileSync(path.join(dir, "chunks", "b.woff2"), "not text");

  it("answers a known script in brotli with the static headers, and leaves everything else to Next", async () => {
    const serve = await loadPrecompressed(dir);
    const ok = response();
    expect(serve({ method: "GET", url: "/_next/static/chunks/a.js?v=1", headers: { "accept-encoding": "gzip, br" } }, ok.res)).toBe(true);
    expect(ok.r.status).toBe(200);
    expect(ok.r.headers).toMatchObject({ "Content-Encoding": "br", "Content-Type": "application/javascript; charset=UTF-8", Vary: "Accept-Encoding", "X-Content-Type-Options": "nosniff" });
    expect(brotliDecompressSync(ok.r.body!).toString()).toBe(js);

    const head = response();
    expect(serve({ method: "HEAD", url: "/_next/static/chunks/a.js", headers: { "accept-encoding": "br" } }, head.res)).toBe(true);
    expect(head.r.body).toBeUndefined();

    for (const req of [
      { method: "GET", url: "/_next/static/chunks/a.js", headers: { "accept-encoding": "gzip" } },
      { method: "GET", url: "/_next/static/chunks/b.woff2", headers: { "accept-encoding": "br" } },
      { method: "GET", url: "/_next/static/chunks/missing.js", headers: { "accept-encoding": "br" } },
      { method: "POST", url: "/_next/static/chunks/a.js", headers: { "accept-encoding": "br" } },
      { method: "GET", url: "/lessons/relu", headers: { "accept-encoding": "br" } },
    ]) {
      const other = response();
      expect(serve(req, other.res)).toBe(false);
      expect(other.r.ended).toBe(false);
    }
  });
});
