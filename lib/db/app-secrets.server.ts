// Secrets the app generates for itself when the environment gives none: created once, kept in the
// database (so every process and every restart agrees), and read back in case another process won the race.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

/** The value of `envName` (at least 32 characters) or else the stored secret `name` (base64url of 32 random bytes). */
export async function loadAppSecret(db: Kysely<Database>, name: string, envName: string, env: NodeJS.ProcessEnv = process.env): Promise<{ value: string; fromEnv: boolean }> {
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < 32) throw new Error(`${envName} must be at least 32 characters long`);
    return { value: fromEnv, fromEnv: true };
  }
  await db
    .insertInto("app_secrets")
    .values({ name, value: randomBytes(32).toString("base64url"), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db.selectFrom("app_secrets").select("value").where("name", "=", name).executeTakeFirstOrThrow();
  return { value: row.value, fromEnv: false };
}
