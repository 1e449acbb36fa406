import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomInt } from "node:crypto";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("generates 8 characters without look-alikes", () => {
    for (let i = 0; i < 200; i++) expect(generateJoinCode(randomInt)).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01IO]/);
  });
  it.each([
    ["abcd-efgh", "ABCDEFGH"],
    [" ABCD EFGH ", "ABCDEFGH"],
    ["ABCDEFGH", "ABCDEFGH"],
    ["ABCD-EFG", null],
    ["ABCD-EFG0", null],
    ["<script>", null],
    ["", null],
  ])("normalizes %j → %j", (input, want) => {
    expect(normalizeJoinCode(input)).toBe(want);
  });
  it("accepts what it shows, in any case (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e6 }), { minLength: 8, maxLength: 8 }), (xs) => {
        let i = 0;
        const code = generateJoinCode((n) => xs[i++] % n);
        expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
        expect(normalizeJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
      }),
    );
  });
});
