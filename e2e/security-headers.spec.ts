// Security headers on every kind of page: static (home), statically generated (lessons), dynamic (quiz,
// sign-in), the 404 page and the JSON API. The CSP must allow Next's own scripts (the page hydrates, no
// console errors) and nothing else: no 'unsafe-inline' or 'unsafe-eval' for scripts, and an injected
// inline script must be refused.
import { createHash } from "node:crypto";
import { test, expect, expectAccessible, hydrated } from "./fixtures";

const PAGES = [
  { kind: "static", path: "/", status: 200 },
  { kind: "generated lesson", path: "/lessons/relu", status: 200 },
  { kind: "generated lesson", path: "/lessons/is-relu-linear", status: 200 },
  { kind: "dynamic quiz", path: "/quizzes/is-relu-linear", status: 200 },
  { kind: "dynamic sign-in", path: "/sign-in", status: 200 },
  { kind: "not found", path: "/lessons/no-such-lesson", status: 404 },
] as const;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
}

/** The inline scripts of an HTML document, with their nonce attribute if any. */
function inlineScripts(html: string): { nonce: string | null; body: string }[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc\s*=/i.test(m[1] ?? "") && m[2] !== "")
    .map((m) => ({ nonce: /\snonce="([^"]+)"/.exec(m[1] ?? "")?.[1] ?? null, body: m[2] }));
}

for (const page of PAGES) {
  test(`${page.kind} page ${page.path}: strict CSP and security headers`, async ({ request }) => {
    const res = await request.get(page.path);
    expect(res.status()).toBe(page.status);
    const headers = res.headers();
    expectCommonHeaders(headers);
    const csp = headers["content-security-policy"];
    expect(csp, "Content-Security-Policy header").toBeTruthy();
    const d = directives(csp);
    const scriptSrc = d.get("script-src") ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("*");
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);

    // Each inline script the page carries is allowed by its nonce or by its hash — and by nothing looser.
    const html = await res.text();
    const scripts = inlineScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    const nonces = scriptSrc.filter((s) => s.startsWith("'nonce-")).map((s) => s.slice(7, -1));
    for (const s of scripts) {
      const hash = `'sha256-${createHash("sha256").update(s.body, "utf8").digest("base64")}'`;
      const allowed = (s.nonce !== null && nonces.includes(s.nonce)) || scriptSrc.includes(hash);
      expect(allowed, `inline script ${s.body.slice(0, 60)}… is allowed by the CSP`).toBe(true);
    }
  });
}

test("dynamic pages get a fresh nonce on every request", async ({ request }) => {
  const nonceOf = async () => {
    const csp = (await request.get("/sign-in")).headers()["content-security-policy"];
    return /'nonce-([^']+)'/.exec(csp)?.[1];
  };
  const [a, b] = [await nonceOf(), await nonceOf()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
  expect(Buffer.from(a!, "base64").length).toBeGreaterThanOrEqual(16);
});

test("the JSON API sends nosniff and a deny-everything CSP", async ({ request }) => {
  for (const path of ["/api/health", "/api/quizzes/no-such-quiz"]) {
    const res = await request.get(path);
    expectCommonHeaders(res.headers());
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["content-type"]).toMatch(/application\/json/);
  }
});

test("POST …/attempts answers alike from the server's fast path and from Next's route", async ({ request }) => {
  // The production server answers /api/quizzes/<id>/attempts itself (decision 063); an escaped id such as
  // is%2Drelu%2Dlinear does not match its path pattern, so Next's route handler answers that one.
  const variantsOf = async () => {
    const res = await request.get("/api/quizzes/is-relu-linear");
    return { cookie: (res.headers()["set-cookie"] ?? "").split(";")[0], state: await res.json() };
  };
  const { cookie, state } = await variantsOf();
  const cases: { headers: Record<string, string>; data: string }[] = [
    { headers: { "content-type": "application/json" }, data: "{}" },
    { headers: { "content-type": "text/plain", "idempotency-key": "k" }, data: "{}" },
    { headers: { "content-type": "application/json", "idempotency-key": "k" }, data: "{nope" },
    { headers: { "content-type": "application/json", "idempotency-key": "k" }, data: JSON.stringify({ variantId: "v", answers: { nope: 1 } }) },
    { headers: { "content-type": "application/json", "idempotency-key": "k" }, data: JSON.stringify({ variantId: "v", answers: {} }) },
    { headers: { "content-type": "application/json", "idempotency-key": "k", cookie }, data: JSON.stringify({ variantId: state.variant.variantId, answers: {} }) },
  ];
  for (const c of cases) {
    const fast = await request.post("/api/quizzes/is-relu-linear/attempts", c);
    const viaNext = await request.post("/api/quizzes/is%2Drelu%2Dlinear/attempts", c);
    expect(fast.status(), JSON.stringify(c)).toBe(viaNext.status());
    expect(fast.status()).toBeGreaterThanOrEqual(400);
    expect(await fast.json()).toEqual(await viaNext.json());
    expectCommonHeaders(fast.headers());
    for (const h of ["content-security-policy", "cache-control", "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy"]) {
      expect(fast.headers()[h], h).toBe(viaNext.headers()[h]);
    }
    // Two different servers did answer: only Next's pipeline adds its router Vary header.
    expect(fast.headers().vary ?? "").not.toMatch(/rsc/);
    expect(viaNext.headers().vary).toMatch(/rsc/);
  }
});

for (const path of ["/", "/lessons/relu", "/quizzes/is-relu-linear", "/sign-in"]) {
  test(`${path} hydrates under its CSP with no violations, and refuses an injected inline script`, async ({ page, consoleErrors }) => {
    const violations: string[] = [];
    await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(path);
    // Hydrated: React attached its root (the scripts Next needs ran).
    await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith("__react")) || Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react")))).toBe(true);
    expect(violations, "CSP violations while loading the page").toEqual([]);
    await expectAccessible(page);

    // An attacker's inline script (as if injected into the DOM) must not run.
    consoleErrors.allow(/Content Security Policy/);
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__pwned = true";
      document.body.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });
}

test("the ReLU calculator still works under the CSP", async ({ page }) => {
  await page.goto("/lessons/relu");
  // Hydrated under the CSP (data-ready is set by React's effects), then typing updates the result.
  const calculator = await hydrated(page.getByRole("region", { name: /ReLU calculator/ }).first());
  await calculator.getByRole("textbox", { name: "x", exact: true }).fill("-3");
  await expect(calculator.getByTestId("fx")).toContainText("0");
});
