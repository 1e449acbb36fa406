import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./csrf.server";

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/api/classes", { method: "POST", headers: { host: "localhost:3000", ...headers } });

describe("isSameOriginRequest", () => {
  it.each([
    [{ "sec-fetch-site": "same-origin" }, true],
    [{ "sec-fetch-site": "same-site" }, false],
    [{ "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }, false],
    [{ "sec-fetch-site": "none" }, false],
    [{ origin: "http://localhost:3000" }, true],
    [{ origin: "http://LOCALHOST:3000" }, true],
    [{ origin: "http://localhost:3001" }, false],
    [{ origin: "https://evil.example" }, false],
    [{ origin: "null" }, false],
    [{}, true],
    [{ origin: "https://relu.example.org", "x-forwarded-host": "relu.example.org", "x-forwarded-proto": "https" }, true],
  ])("%j → %s", (headers, want) => {
    expect(isSameOriginRequest(req(headers))).toBe(want);
  });
});
