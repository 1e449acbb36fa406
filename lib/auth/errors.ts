// A client mistake or a refusal, carried up to the route edge and sent as { error: { code, message, field? } }.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** 404 for anything the actor may not see: existence is not revealed to outsiders. */
export function notFound(what: string, field?: string): HttpError {
  return new HttpError(404, "not_found", `${what} was not found.`, field);
}
