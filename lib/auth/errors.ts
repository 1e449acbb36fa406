// A client mistake or a refusal, carried up to the route edge and sent as { error: { code, message, field? } }.

import { HttpError } from "@/lib/http/http-error";

export { HttpError };

/** 404 for anything the actor may not see: existence is not revealed to outsiders. */
export function notFound(what: string, field?: string): HttpError {
  return new HttpError(404, "not_found", `${what} was not found.`, field);
}
