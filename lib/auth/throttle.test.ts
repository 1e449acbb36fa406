import { describe, expect, it } from "vitest";
import { createThrottle } from "./throttle";

describe("createThrottle", () => {
  it("allows max attempts per window per key, then says how long to wait", () => {
    let t = 0;
    const th = createThrottle({ max: 3, windowMs: 60_000, now: () => t });
    expect([th.hit("a"), th.hit("a"), th.hit("a")].every((r) => r.allowed)).toBe(true);
    expect(th.hit("a")).toEqual({ allowed: false, retryAfter: 60 });
    expect(th.hit("b").allowed).toBe(true);
    t = 30_000;
    expect(th.hit("a")).toEqual({ allowed: false, retryAfter: 30 });
    t = 60_001;
    expect(th.hit("a").allowed).toBe(true);
  });
  it("reset forgets a key; the key table is bounded", () => {
    const th = createThrottle({ max: 1, windowMs: 1000, now: () => 0, maxKeys: 2 });
    th.hit("a");
    th.reset("a");
    expect(th.hit("a").allowed).toBe(true);
    th.hit("b");
    th.hit("c"); // evicts the least recently used, "a"
    expect(th.hit("a").allowed).toBe(true);
  });
});
