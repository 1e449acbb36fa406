// Any /api address that no route claims: a JSON 404 in the house shape instead of the HTML not-found page,
// so API clients always get { error: { code, message } } (found by the fuzz run, docs/reliability.md).
import { NextResponse, type NextRequest } from "next/server";

function notFound(req: NextRequest): NextResponse {
  return NextResponse.json(
    { error: { code: "not_found", message: `There is no API endpoint at ${req.nextUrl.pathname}.`, field: "path" } },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
