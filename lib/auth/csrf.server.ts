// CSRF defence for our own state-changing routes (better-auth checks Origin on its routes): a browser
// request must come from this site, by Sec-Fetch-Site or, failing that, by Origin. See decision 052.
import "server-only";

function requestOrigin(req: Request): string | null {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host) return null;
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return `${proto}://${host}`.toLowerCase();
}

/** True when an unsafe request may proceed: same-origin, or from a client that is not a browser. */
export function isSameOriginRequest(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = req.headers.get("origin");
  // No Sec-Fetch-Site and no Origin: not a browser (browsers send Origin on every cross-site POST),
  // so there is no ambient cookie to abuse.
  if (origin === null) return true;
  if (origin === "null") return false;
  return origin.toLowerCase() === requestOrigin(req);
}
