// The production server answers the build's scripts and styles in brotli when the browser accepts it
// (scripts/lib/precompressed.mjs), with the same bytes and headers Next gives them in gzip.
import { test, expect } from "./fixtures";

test("a lesson's scripts and styles come in brotli, decode to the same files, and keep the static headers", async ({ page, request }) => {
  const encodings = new Map<string, string>();
  page.on("response", async (r) => {
    if (/\/_next\/static\/.*\.(js|css)$/.test(new URL(r.url()).pathname)) encodings.set(r.url(), (await r.allHeaders())["content-encoding"] ?? "");
  });
  await page.goto("/lessons/relu");
  await expect.poll(() => encodings.size).toBeGreaterThan(3);
  expect([...new Set(encodings.values())]).toEqual(["br"]);

  const url = [...encodings.keys()].find((u) => u.endsWith(".js"))!;
  const br = await request.get(url, { headers: { "accept-encoding": "br" } });
  const gzip = await request.get(url, { headers: { "accept-encoding": "gzip" } });
  expect(br.headers()["content-encoding"]).toBe("br");
  expect(gzip.headers()["content-encoding"]).toBe("gzip");
  expect(await br.body()).toEqual(await gzip.body());
  for (const r of [br, gzip]) {
    expect(r.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(r.headers()["x-content-type-options"]).toBe("nosniff");
    expect(r.headers()["content-type"]).toMatch(/^application\/javascript/);
  }
});
