import { describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "@/lib/db/test-databases";
import { setupTestDb } from "@/lib/db/setup-test-db";
import { createThrottle } from "./throttle";

describe.each(TEST_DIALECTS)("createThrottle on %s", (dialect) => {
  const t = setupTestDb(dialect);

  it("allows max attempts per window per key, then says how long to wait", async () => {
    let now = 0;
    const th = createThrottle({ db: t.db, max: 3, windowMs: 60_000, now: () => now });
    expect((await Promise.all([th.hit("a"), th.hit("a"), th.hit("a")])).every((r) => r.allowed)).toBe(true);
    expect(await th.hit("a")).toEqual({ allowed: false, retryAfter: 60 });
    expect((await th.hit("b")).allowed).toBe(true);
    now = 30_000;
    expect(await th.hit("a")).toEqual({ allowed: false, retryAfter: 30 });
    now = 60_001;
    expect((await th.hit("a")).allowed).toBe(true);
  });

  it("holds across throttles sharing the database (several server processes); reset forgets a key", async () => {
    const one = createThrottle({ db: t.db, max: 2, windowMs: 1000, now: () => 5_000_000 });
    const two = createThrottle({ db: t.db, max: 2, windowMs: 1000, now: () => 5_000_000 });
    const results = await Promise.all([one.hit("c"), two.hit("c"), one.hit("c"), two.hit("c")]);
    expect(results.filter((r) => r.allowed)).toHaveLength(2);
    await two.reset("c");
    expect((await one.hit("c")).allowed).toBe(true);
  });

  it("drops attempts that have left the window", async () => {
    let now = 10_000_000;
    const th = createThrottle({ db: t.db, max: 1, windowMs: 1000, now: () => now });
    await th.hit("d");
    now += 5000;
    await th.hit("e");
    const left = await t.db.selectFrom("sign_in_attempts").select("account_key").where("account_key", "in", ["d", "e"]).execute();
    expect(left.map((r) => r.account_key)).toEqual(["e"]);
  });
});
