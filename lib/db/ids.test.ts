import { describe, expect, it } from "vitest";
import { uuidv7 } from "./ids";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidv7", () => {
  it("is a version-7, variant-10 UUID whose first 48 bits are the Unix time in milliseconds", () => {
    const at = Date.UTC(2026, 10, 28, 5, 30, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it("sorts by time across milliseconds, and does not repeat", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 10)));
    const millis = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    const inTextOrder = [...ids].sort().map(millis);
    expect(inTextOrder).toEqual([...inTextOrder].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(UUID_V7);
  });

  it("keeps 74 random bits: ids made in the same millisecond differ", () => {
    const same = Array.from({ length: 1000 }, () => uuidv7(1_800_000_000_000));
    expect(new Set(same).size).toBe(1000);
    expect(new Set(same.map((id) => id.slice(0, 13))).size).toBe(1);
  });
});
