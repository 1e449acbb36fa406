// The security headers every response carries, and the extra ones for the JSON API — one list read by
// next.config.js (headers()) and by scripts/server.mjs for the responses it writes itself (decision 063).

/** On every response. */
export const SECURITY_HEADERS = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
});

/** Added under /api: JSON never needs to load anything or be framed. Pages get theirs from proxy.ts. */
export const API_ONLY_HEADERS = Object.freeze({
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
});

/** Everything an /api response carries. */
export const API_HEADERS = Object.freeze({ ...SECURITY_HEADERS, ...API_ONLY_HEADERS });

/** The same lists in next.config.js's headers() shape. */
export function nextHeaderRules() {
  const list = (o) => Object.entries(o).map(([key, value]) => ({ key, value }));
  return [
    { source: "/:path*", headers: list(SECURITY_HEADERS) },
    { source: "/api/:path*", headers: list(API_ONLY_HEADERS) },
  ];
}
