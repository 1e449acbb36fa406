// Content-Security-Policy for every page, without giving up static lessons (docs/decisions/060):
// statically generated pages get the SHA-256 hashes of the inline scripts in their prerendered HTML;
// dynamically rendered pages get a fresh per-request nonce, which Next reads from the request's CSP
// header and puts on its own scripts. No 'unsafe-inline' for scripts, and 'unsafe-eval' only in `next dev`.
// It also answers a path with a malformed %-escape with a 400 JSON error instead of Next's 500.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";

const isDev = process.env.NODE_ENV === "development";

type StaticPages = { byPath: Map<string, string[]>; notFound: string[] };
let staticPages: StaticPages | null = null;

/** SHA-256 CSP sources of the executable inline scripts in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? "";
    if (/\ssrc\s*=/i.test(attrs) || m[2] === "") continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !["text/javascript", "module", "application/javascript"].includes(type)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** Reads the build's prerendered pages once: URL path → hashes of their inline scripts. */
function loadStaticPages(): StaticPages {
  const byPath = new Map<string, string[]>();
  const dir = path.join(process.cwd(), ".next", "server", "app");
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return; // no build output (next dev): every page is dynamic and gets a nonce
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".html")) {
        const route = `/${path.relative(dir, full).slice(0, -".html".length).split(path.sep).join("/")}`;
        const urlPath = route === "/index" ? "/" : route;
        byPath.set(urlPath, inlineScriptHashes(fs.readFileSync(full, "utf8")));
      }
    }
  };
  if (!isDev) walk(dir);
  return { byPath, notFound: byPath.get("/_not-found") ?? [] };
}

/** The policy for one HTML response; `scripts` are the extra script-src sources (nonce, hashes). */
export function contentSecurityPolicy(scripts: string[], https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(" ")}${isDev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (plots, progress bars); CSS cannot run script. See decision 060.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** True when every path segment is valid percent-encoded UTF-8 (Next would fail with a 500 on the rest). */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  if (!isDecodablePath(pathname)) {
    // A client mistake: answer 400 in the house shape before Next's router trips over it.
    return NextResponse.json(
      { error: { code: "invalid_path", message: "The address contains a malformed %-escape; check the link.", field: "path" } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  // The API's headers come from next.config.js; only pages need a per-response policy.
  if (pathname === "/api" || pathname.startsWith("/api/")) return NextResponse.next();
  staticPages ??= loadStaticPages();
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const prerendered = staticPages.byPath.get(pathname);
  let csp: string;
  const requestHeaders = new Headers(request.headers);
  if (prerendered) {
    csp = contentSecurityPolicy(prerendered, https);
  } else {
    // Rendered now: Next puts this nonce on its scripts. The not-found page is prerendered, so its
    // hashes are allowed too for addresses that turn out not to exist.
    const nonce = randomBytes(16).toString("base64");
    csp = contentSecurityPolicy([`'nonce-${nonce}'`, ...staticPages.notFound], https);
    requestHeaders.set("x-nonce", nonce);
  }
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages (for the CSP) and the API (for the path check); static files need neither.
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
