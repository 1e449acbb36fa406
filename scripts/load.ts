// `npm run load`: 200 concurrent learners (distinct identities) submit graded attempts with Idempotency-Keys
// for 60 s against the production server, retrying on timeouts; then acknowledged = stored, no duplicates.
// SQLite by default; Postgres with DATABASE_URL=postgres://… or `-- --db postgres|both`. See docs/reliability.md.
import { main } from "./reliability/cli";

main({ name: "load", title: "Load test", learners: 200, seconds: 60, port: 3307, kills: 0 }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
