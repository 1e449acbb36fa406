// `npm run crash-test`: the load test with the server SIGKILLed (and restarted) several times mid-load and
// once more at the end; then every acknowledged attempt must be in the database exactly once.
// SQLite (WAL, synchronous=FULL) by default; Postgres with DATABASE_URL or `-- --db postgres|both`.
import { main } from "./reliability/cli";

main({ name: "crash-test", title: "Crash test", learners: 100, seconds: 40, port: 3308, kills: 4 }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
