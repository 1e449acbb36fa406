// Course progress kept with the account: which lessons are done and when. The browser keeps its own copy
// (localStorage) and merges with this one; completion is never undone and the earliest date wins.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/http.server";
import type { ProgressInput } from "./schemas";

export type Progress = { lessons: Record<string, { completedAt: string | null }> };

export async function getProgress(db: Kysely<Database>, actor: SessionUser): Promise<Progress> {
  const rows = await db.selectFrom("lesson_progress").select(["lesson_slug", "completed_at"]).where("user_id", "=", actor.id).orderBy("lesson_slug").execute();
  return { lessons: Object.fromEntries(rows.map((r) => [r.lesson_slug, { completedAt: r.completed_at }])) };
}

/** Merges the browser's progress into the account's and returns the merged whole. */
export async function mergeProgress(db: Kysely<Database>, actor: SessionUser, input: ProgressInput, now = new Date()): Promise<Progress> {
  const current = await getProgress(db, actor);
  await db.transaction().execute(async (tx) => {
    for (const [slug, { completedAt }] of Object.entries(input.lessons)) {
      const given = completedAt ? new Date(completedAt).toISOString() : null;
      // A completion date from the future is the browser's clock being wrong; record now instead.
      const bounded = given && given > now.toISOString() ? now.toISOString() : given;
      const had = current.lessons[slug];
      if (had === undefined) {
        await tx.insertInto("lesson_progress").values({ user_id: actor.id, lesson_slug: slug, completed_at: bounded, updated_at: now.toISOString() }).execute();
      } else if (bounded && (had.completedAt === null || bounded < had.completedAt)) {
        await tx.updateTable("lesson_progress").set({ completed_at: bounded, updated_at: now.toISOString() }).where("user_id", "=", actor.id).where("lesson_slug", "=", slug).execute();
      }
    }
  });
  return getProgress(db, actor);
}
