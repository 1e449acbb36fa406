// Every migration, imported statically so the migrator also works inside the Next bundle
// (FileMigrationProvider's dynamic fs import does not). Add new files here in order; never edit a shipped one.
import type { Migration } from "kysely";
import * as m001 from "./001-quiz-attempts";
import * as m101 from "./101-accounts";
import * as m102 from "./102-classes";
import * as m103 from "./103-answers-in-attempt-row";
import * as m104 from "./104-fewer-attempt-indexes";
import * as m105 from "./105-shared-rate-limits";

export const migrations: Record<string, Migration> = {
  "001-quiz-attempts": m001,
  "101-accounts": m101,
  "102-classes": m102,
  "103-answers-in-attempt-row": m103,
  "104-fewer-attempt-indexes": m104,
  "105-shared-rate-limits": m105,
};
