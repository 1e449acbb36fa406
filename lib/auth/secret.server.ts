// The key better-auth signs session cookies with: BETTER_AUTH_SECRET, or a random one generated once
// and kept in app_secrets so sessions survive restarts.
import "server-only";
import { loadAppSecret } from "@/lib/db/app-secrets.server";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

const SECRET_NAME = "better-auth-secret";

/** BETTER_AUTH_SECRET (≥ 32 characters) or the stored secret, created on first use. */
export async function loadAuthSecret(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await loadAppSecret(db, SECRET_NAME, "BETTER_AUTH_SECRET", env)).value;
}
