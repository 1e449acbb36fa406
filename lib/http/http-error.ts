// The one error type for a client mistake or a refusal, carried up to a route's edge and sent as
// { error: { code, message, field? } }. One class for every route, so `instanceof` holds whichever
// library threw it (a classes rule called from a quiz route must still become its 4xx, never a 500).

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
