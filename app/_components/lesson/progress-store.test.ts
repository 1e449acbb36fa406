import { describe, expect, it } from "vitest";
import { parseProgress } from "./progress-store";

describe("parseProgress", () => {
  it.each([
    [null, { visited: [], completed: [] }],
    ["", { visited: [], completed: [] }],
    ["not json", { visited: [], completed: [] }],
    ["[1,2]", { visited: [], completed: [] }],
    ['{"visited":["relu","relu",3],"completed":"x"}', { visited: ["relu"], completed: [] }],
    ['{"visited":["a"],"completed":["a"]}', { visited: ["a"], completed: ["a"] }],
  ])("%j → %j", (raw, want) => {
    expect(parseProgress(raw)).toEqual(want);
  });
});
