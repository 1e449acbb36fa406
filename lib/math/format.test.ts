import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatNumber, parseNumber } from "./format";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [1, "1"],
    [-1, "−1"],
    [0.5, "0.5"],
    [0.1 + 0.2, "0.3"],
    [1 / 3, "0.333333"],
    [-2 / 3, "−0.666667"],
    [Math.PI, "3.14159"],
    [123456.7, "123457"],
    [-1234.5678, "−1234.57"],
    [999999.4, "999999"],
    [999999.7, "1e6"], // rounds up to 1e6, so the exponent form
    [1e6, "1e6"],
    [1234567, "1.23457e6"],
    [1e21, "1e21"],
    [-6.02214076e23, "−6.02214e23"],
    [1e-4, "0.0001"],
    [0.000123456789, "0.000123457"],
    [0.000099999996, "0.0001"], // rounds up to 1e-4, so the fixed form
    [0.00009999, "9.999e−5"],
    [9.5367431640625e-7, "9.53674e−7"],
    [-9.5367431640625e-7, "−9.53674e−7"],
    [2 ** -20 * 0.25, "2.38419e−7"],
    [5e-324, "4.94066e−324"],
    [Number.MAX_VALUE, "1.79769e308"],
    [NaN, "undefined"],
    [Infinity, "∞"],
    [-Infinity, "−∞"],
  ])("%d → %s", (x, expected) => {
    expect(formatNumber(x)).toBe(expected);
  });

  it.each([
    [Math.PI, 3, "3.14"],
    [Math.PI, 1, "3"],
    [Math.PI, 12, "3.14159265359"],
    [123456, 3, "123000"],
    [-0.000123456, 2, "−0.00012"],
    [1234567, 2, "1.2e6"],
    [0.25, 1, "0.3"], // toFixed/toExponential round the binary value: 0.25 is exact, ties go up
    [Math.PI, 0, "3"], // clamped to 1
    [Math.PI, 40, "3.1415926535897931"], // clamped to 17
    [Math.PI, NaN, "3.14159"], // nonsense falls back to the default
    [9.5, 1, "10"],
    [99999.5, 5, "100000"], // rounding carries into the next decade
    [999999.5, 6, "1e6"], // … and here across the 1e6 boundary into the exponent form
  ])("%d with %d significant digits → %s", (x, significant, expected) => {
    expect(formatNumber(x, { significant })).toBe(expected);
  });

  it("never shows an ASCII hyphen and never more than the requested significant digits", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 1, max: 17 }), (x, significant) => {
        const s = formatNumber(x, { significant });
        if (s.includes("-")) return false;
        if (/^−?(undefined|∞|0)$/.test(s)) return true;
        // Significant digits: leading and trailing zeros do not count ("10" from 9.5 at 1 digit has one).
        const digits = s.replace(/^−/, "").split("e")[0].replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
        return digits.length <= significant;
      }),
    );
  });

  // Numbers as quizzes draw them (a few decimal digits), whose shortest decimal may already be the answer.
  const shortDecimal = fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 12 })).map(([m, k]) => m / 10 ** k);

  it("shows exactly the digits of x rounded to the requested significant digits (toExponential's), in plain or exponent form", () => {
    // An independent reading of the rounded value: toExponential's digits, compared as numbers.
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -2e6, max: 2e6, noNaN: true }), shortDecimal), fc.integer({ min: 1, max: 17 }), (x, significant) => {
        if (x === 0) return formatNumber(x, { significant }) === "0";
        const s = formatNumber(x, { significant });
        const [mantissa, exponent] = Math.abs(x).toExponential(significant - 1).split("e");
        const plain = Number(exponent) >= -4 && Number(exponent) < 6;
        if (plain !== !s.includes("e")) return false;
        return Number(s.replace("−", "-").replace("e−", "e-")) === (x < 0 ? -1 : 1) * Number(`${mantissa}e${exponent}`);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("parseNumber", () => {
  it.each([
    ["-0.03", -0.03],
    ["−0.03", -0.03],
    ["3e-2", 0.03],
    ["3E-2", 0.03],
    ["3e−2", 0.03],
    ["9.53674e−7", 9.53674e-7],
    ["1.23457e6", 1234570],
    ["3/100", 0.03],
    ["−3/4", -0.75],
    [" 3 / 4 ", 0.75],
    ["1/-4", -0.25],
    [" 2.5 ", 2.5],
    ["+2.5", 2.5],
    [".5", 0.5],
    ["5.", 5],
    ["0", 0],
    ["∞", Infinity],
    ["−∞", -Infinity],
    ["Infinity", Infinity],
  ])("%j → %d", (s, expected) => {
    expect(parseNumber(s)).toBe(expected);
  });

  it.each(["", "   ", "abc", "1,5", "1.2.3", "1e", "e5", "--1", "1/0", "0/0", "1/2/3", "/2", "2/", "1e400", "NaN", "undefined", "0x10", "1 000"])(
    "%j → null",
    (s) => {
      expect(parseNumber(s)).toBeNull();
    },
  );

  it("returns null for non-strings instead of throwing", () => {
    expect(parseNumber(undefined as unknown as string)).toBeNull();
    expect(parseNumber(42 as unknown as string)).toBeNull();
  });
});

describe("formatNumber and parseNumber round-trip", () => {
  it("parses what it shows back to x rounded to 6 significant digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        const back = parseNumber(formatNumber(x));
        if (x === 0) return back === 0;
        return back === Number(x.toPrecision(6));
      }),
      { numRuns: 2000 },
    );
  });

  it("is within half a unit in the 6th significant digit", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        const back = parseNumber(formatNumber(x));
        return back !== null && Math.abs(back - x) <= 5e-6 * Math.abs(x) * (1 + 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips exactly at 17 significant digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => parseNumber(formatNumber(x, { significant: 17 })) === (x === 0 ? 0 : x)),
      { numRuns: 2000 },
    );
  });
});
