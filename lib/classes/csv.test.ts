import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvCell, parseCsv, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["−2", "'−2"],
    ["@cmd", "'@cmd"],
    ["\t=x", "'\t=x"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["", ""],
  ])("%j → %s", (input, want) => {
    expect(csvCell(input)).toBe(want);
  });
  it("writes numbers as numbers and null as empty", () => {
    expect(csvCell(85.7)).toBe("85.7");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF", () => {
    expect(toCsv([["a", "b"], [1, null]])).toBe("a,b\r\n1,\r\n");
  });
  it("round-trips any text that does not start a formula (property)", () => {
    const safe = fc.string().filter((s) => !/^[=+\-−@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safe, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });
  it("never lets a parsed cell start a formula (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (row) => {
        for (const cell of parseCsv(toCsv([row]))[0]) expect(cell).not.toMatch(/^[=+\-−@\t\r]/);
      }),
    );
  });
});
