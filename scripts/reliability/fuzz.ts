// Fuzzing toolkit: discovers every API route file and server action, generates hostile requests
// (methods, path parameters, query strings, headers, cookies, bodies) with fast-check, sends them over
// raw HTTP, and classifies the answers. Used by e2e/fuzz-api.spec.ts.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import fc from "fast-check";

export type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  label: string;
};

export type FuzzAnswer =
  | { kind: "answer"; status: number; contentType: string; body: string; ms: number }
  | { kind: "failed"; status: "timeout" | "error"; error: string; ms: number };

/** Route patterns (`/api/quizzes/[id]`) of every `app/api/**\/route.ts`, with the methods each exports. */
export function discoverRoutes(root: string): { pattern: string; file: string; methods: string[] }[] {
  const out: { pattern: string; file: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(e.name)) {
        const rel = path.relative(path.join(root, "app"), path.dirname(full)).split(path.sep);
        const pattern = `/${rel.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
        const src = fs.readFileSync(full, "utf8");
        const methods = [...src.matchAll(/\b(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => m[1] ?? m[2]);
        out.push({ pattern, file: path.relative(root, full), methods: [...new Set(methods)].sort() });
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Source files under app/ and lib/ that declare server actions ("use server"). */
export function discoverActionFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules") walk(full);
      } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && /^\s*["']use server["']/m.test(fs.readFileSync(full, "utf8"))) {
        out.push(path.relative(root, full));
      }
    }
  };
  for (const d of ["app", "lib"]) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return out.sort();
}

/** Server actions in the build: action id → the page routes that can receive it (`/classes/[id]`). */
export function discoverBuiltActions(root: string): { id: string; pages: string[] }[] {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  if (!fs.existsSync(file)) return [];
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: Record<string, { workers?: Record<string, unknown> }> };
  return Object.entries(manifest.node ?? {}).map(([id, entry]) => ({
    id,
    pages: Object.keys(entry.workers ?? {})
      .filter((w) => w.endsWith("/page"))
      .map((w) => `/${w.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s)).join("/")}`),
  }));
}

// ---------------------------------------------------------------- arbitraries

/** encodeURIComponent that does not throw on lone surrogates (they go out as U+FFFD's bytes). */
export function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("");
  }
}

const latin1Char = fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c));

/** Strings that break things: empty, huge, unicode, lone surrogates, injection attempts, prototype keys. */
export const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "null", "undefined", "NaN", "-0", "1e309", "Infinity", "0x10", "%00", "%", "%zz", "..", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "__proto__", "constructor", "prototype", "\u0000", "\ud800", "🙂", "a".repeat(5000), "A".repeat(300)),
);

/** Header values that Node's HTTP client can put on the wire (visible Latin-1, no CR/LF). */
export const headerValue = fc.oneof(
  fc.string({ unit: latin1Char, maxLength: 300 }),
  fc.constantFrom("", "application/json", "application/json; charset=utf-8", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "null", "same-origin", "cross-site", "none", "https://evil.example", "http://127.0.0.1", "x".repeat(4000)),
);

/** A percent-encoded path segment, sometimes raw reserved characters. */
export const segment = fc.oneof(
  nasty.map((s) => enc(s)),
  fc.constantFrom("%", "%zz", "%c0%ae", "..", ".", "%2e%2e", "%2F", "a;b", "a,b", "~", "%F0%9F%99%82", "%ED%A0%80"),
);

/** A query string with random keys, values and malformed escapes. */
export const query = fc.oneof(
  fc.constant(""),
  fc.array(fc.tuple(nasty, nasty), { maxLength: 4 }).map((kv) => `?${kv.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&")}`),
  fc.constantFrom("?%", "?a=%zz", "?=&=&", "?__proto__[x]=1", `?q=${"z".repeat(3000)}`, "?a=1&a=2&a=3"),
);

/** Arbitrary JSON-ish bodies, raw strings, invalid UTF-8 and oversized payloads. */
export const anyBody = fc.oneof(
  { weight: 4, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom("{", "[", '{"a":', "{}", "[]", "null", "true", "0", '""', `{"x":"${"y".repeat(70_000)}"}`, JSON.stringify({ a: Array.from({ length: 2000 }, (_, i) => i) })) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 12 }).map((d) => "[".repeat(2 ** d) + "]".repeat(2 ** d)) },
);

/** A value of any JSON type, for fields of otherwise well-formed bodies. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nasty, fc.constantFrom(null, true, -1, 0, 1e308, -1e-308, [], {}));

/** Optional extra headers; each request gets some of these. */
export const extraHeaders = fc.dictionary(
  fc.constantFrom("content-type", "idempotency-key", "origin", "sec-fetch-site", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "accept", "accept-encoding", "authorization", "referer", "user-agent", "rsc", "next-router-state-tree", "next-action", "x-nonsense"),
  headerValue,
  { maxKeys: 4 },
);

/** Cookie headers: forged learner cookies, junk session tokens, odd names. */
export function cookieHeader(validCookies: string[]): fc.Arbitrary<string | undefined> {
  const pair = fc.oneof(
    nasty.map((v) => `learner=${enc(v)}`),
    fc.string({ unit: latin1Char, maxLength: 80 }).map((v) => `learner=${v.replace(/[;,]/g, "")}.x`),
    nasty.map((v) => `better-auth.session_token=${enc(v)}`),
    nasty.map((v) => `__Secure-better-auth.session_token=${enc(v)}.${enc(v)}`),
    fc.tuple(nasty, nasty).map(([k, v]) => `${enc(k) || "k"}=${enc(v)}`),
    ...(validCookies.length ? [fc.constantFrom(...validCookies)] : []),
  );
  return fc.option(fc.array(pair, { minLength: 1, maxLength: 3 }).map((ps) => ps.join("; ")), { nil: undefined });
}

// ---------------------------------------------------------------- sending

/** Sends one request over raw HTTP (no fetch header checks), with a hard timeout. */
export function send(baseUrl: string, req: FuzzRequest, timeoutMs = 10_000): Promise<FuzzAnswer> {
  const url = new URL(baseUrl);
  const t0 = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: FuzzAnswer) => {
      if (!settled) {
        settled = true;
        resolve(a);
      }
    };
    let r: http.ClientRequest;
    // Say how long the body is: Node sends DELETE/OPTIONS bodies unframed otherwise, and the server would
    // read them as a second, garbled request (a 400 from the HTTP parser, not from our code).
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const headers = body === undefined ? req.headers : { ...req.headers, "content-length": String(body.length) };
    try {
      r = http.request(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: false, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            done({ kind: "answer", status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - t0 }),
          );
          res.on("error", (e) => done({ kind: "failed", status: "error", error: e.message, ms: performance.now() - t0 }));
        },
      );
    } catch (e) {
      // The client refused to build this request (e.g. an illegal header): nothing reached the server.
      done({ kind: "answer", status: 400, contentType: "client-refused", body: (e as Error).message, ms: 0 });
      return;
    }
    r.on("timeout", () => {
      r.destroy();
      done({ kind: "failed", status: "timeout", error: `no answer within ${timeoutMs} ms`, ms: performance.now() - t0 });
    });
    r.on("error", (e) => done({ kind: "failed", status: "error", error: e.message, ms: performance.now() - t0 }));
    r.end(body);
  });
}

/** Why an answer is unacceptable, or null: never 5xx, never a hang, and 4xx errors are JSON with a message. */
export function judge(req: FuzzRequest, a: FuzzAnswer, options: { jsonErrors: boolean }): string | null {
  if (a.kind === "failed") return a.status === "timeout" ? `hang: ${a.error}` : `connection error: ${a.error}`;
  if (a.status >= 500) return `${a.status}: ${a.body.slice(0, 300)}`;
  if (a.contentType === "client-refused") return null;
  // Next answers a method the route does not export with an empty 405 itself; HEAD has no body; Node's HTTP
  // parser refuses oversized headers (431) and URIs (414) before any application code runs.
  if (a.status === 405 || a.status === 431 || a.status === 414 || req.method === "HEAD") return null;
  // Dot segments ("/api/../x", "%2e%2e") can leave the API: such a request is for a page, not JSON.
  const target = new URL(req.path, "http://x").pathname;
  const underApi = target === "/api" || target.startsWith("/api/");
  if (options.jsonErrors && underApi && a.status >= 400) {
    if (!/json/i.test(a.contentType)) return `${a.status} is not JSON (${a.contentType || "no content-type"}): ${a.body.slice(0, 120)}`;
    try {
      const body = JSON.parse(a.body) as { error?: { code?: unknown; message?: unknown }; code?: unknown; message?: unknown };
      const err = body.error ?? body;
      if (typeof err.message !== "string" && typeof err.code !== "string") return `${a.status} JSON without an error code or message: ${a.body.slice(0, 120)}`;
    } catch {
      return `${a.status} says JSON but is not: ${a.body.slice(0, 120)}`;
    }
  }
  return null;
}
