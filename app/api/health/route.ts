// Liveness probe used by `npm start` and the e2e web server to know the site is serving.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}
