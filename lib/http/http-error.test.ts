// Every library throws the same HttpError, so any route's edge turns any of them into its 4xx.
import { describe, expect, it } from "vitest";
import { notFound, HttpError as AuthHttpError } from "@/lib/auth/errors";
import { HttpError as QuizHttpError, withErrors } from "@/lib/quiz/http.server";
import { HttpError } from "./http-error";

describe("HttpError", () => {
  it("is one class, whichever module it is imported from", () => {
    expect(AuthHttpError).toBe(HttpError);
    expect(QuizHttpError).toBe(HttpError);
  });

  it("a refusal thrown by the classes library inside a quiz route becomes its 4xx JSON, not a 500", async () => {
    const res = await withErrors(async () => {
      throw notFound("That class", "classId");
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "That class was not found.", field: "classId" } });
  });
});
