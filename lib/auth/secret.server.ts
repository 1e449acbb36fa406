// The key better-auth signs session cookies with: BETTER_AUTH_SECRET, or a random one generated once
// and kept in app_secrets so sessions survive restarts.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

const SECRET_NAME = "better-auth-secret";

/** BETTER_AUTH_SECRET (≥ 32 characters) or the stored secret, created on first use. */
export async function loadAuthSecret(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.BETTER_AUTH_SECRET;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long");
    return fromEnv;
  }
  await db
    .insertInto("app_secrets")
    .values({ name: SECRET_NAME, value: randomBytes(32).toString("base64url"), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // Read back: another process may have stored its secret first.
  const row = await db.selectFrom("app_secrets").select("value").where("name", "=", SECRET_NAME).executeTakeFirstOrThrow();
  return row.value;
}
