// A per-key sliding-window counter kept in the database (table sign_in_attempts), so that it holds across the
// server processes that share one site (decision 070). Used to limit sign-in attempts per account, which holds
// even when a client forges X-Forwarded-For to dodge better-auth's per-address limit.
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { isPostgres } from "@/lib/db/migrations/dialect";

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfter: number };

export type Throttle = {
  /** Counts one attempt for `key`; refused (with seconds to wait) once `max` fall inside the window. */
  hit: (key: string) => Promise<ThrottleResult>;
  /** Forgets `key` (after a successful sign-in). */
  reset: (key: string) => Promise<void>;
};

export function createThrottle({ db, max, windowMs, now = Date.now }: { db: Kysely<Database>; max: number; windowMs: number; now?: () => number }): Throttle {
  const pg = isPostgres(db);
  return {
    // One transaction per hit: SQLite's BEGIN IMMEDIATE, or a Postgres advisory lock on the key, makes the
    // count and the insert one step, so concurrent attempts in different processes cannot both slip through.
    hit: (key) =>
      db.transaction().execute(async (trx) => {
        if (pg) await sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${key}`}))`.execute(trx);
        const t = now();
        await trx.deleteFrom("sign_in_attempts").where("at", "<=", t - windowMs).execute();
        const recent = await trx
          .selectFrom("sign_in_attempts")
          .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min<number>("at").as("oldest")])
          .where("account_key", "=", key)
          .executeTakeFirstOrThrow();
        if (Number(recent.n) >= max) return { allowed: false as const, retryAfter: Math.max(1, Math.ceil((Number(recent.oldest) + windowMs - t) / 1000)) };
        await trx.insertInto("sign_in_attempts").values({ account_key: key, at: t }).execute();
        return { allowed: true as const };
      }),
    reset: async (key) => {
      await db.deleteFrom("sign_in_attempts").where("account_key", "=", key).execute();
    },
  };
}
