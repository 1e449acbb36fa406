// Test helper: the database of a describe block (or a file), opened before its tests and dropped after them.
import { afterAll, beforeAll } from "vitest";
import type { DbDialect } from "./connect";
import { openTestDb, type TestDb } from "./test-databases";

/** A fresh, migrated database (openTestDb) for the enclosing block's tests. The handle returned reads through
 * to it, so tests use `t.db` and `t.config` as usual. `setup` runs once it is open (seed rows, point the
 * app at it). Hooks registered after this call run after the database opens and before it is dropped. */
export function setupTestDb(dialect: DbDialect, setup?: (t: TestDb) => Promise<void> | void): TestDb {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await openTestDb(dialect);
    await setup?.(current);
  });
  afterAll(async () => {
    const open = current;
    current = undefined;
    await open?.drop();
  });
  return new Proxy({} as TestDb, {
    get(_, key) {
      if (!current) throw new Error("the test database is open only while this block's tests run");
      return current[key as keyof TestDb];
    },
  });
}
