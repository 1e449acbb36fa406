// GET /api/classes/:classId/gradebook/csv: the gradebook table as an RFC 4180 CSV download.
import { NextResponse } from "next/server";
import { handle } from "@/lib/auth/http.server";
import { toCsv } from "@/lib/classes/csv";
import { gradebook, gradebookTable } from "@/lib/classes/gradebook.server";

type Ctx = { params: Promise<{ classId: string }> };

const fileName = (name: string, term: string) => `${`${name} ${term} gradebook`.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "gradebook"}.csv`;

export async function GET(req: Request, { params }: Ctx) {
  return handle(req, { auth: "instructor" }, async ({ ctx, user }) => {
    const g = await gradebook(ctx.db, user!, (await params).classId);
    // A BOM so Excel reads UTF-8 names correctly.
    return new NextResponse(`\uFEFF${toCsv(gradebookTable(g))}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${fileName(g.className, g.term)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
