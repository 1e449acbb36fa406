// Client helper for the classes API: JSON in, JSON out, the server's error message surfaced as is.

export type ApiFailure = { message: string; field?: string };

/** Sends a request; resolves to the body or throws an ApiFailure carrying the server's message. */
export async function callApi<T>(path: string, method: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw { message: "The network failed. Check your connection and try again." } satisfies ApiFailure;
  }
  const data = (await res.json().catch(() => ({}))) as { error?: ApiFailure } & T;
  if (!res.ok) throw { message: data.error?.message ?? `The server answered ${res.status}.`, field: data.error?.field } satisfies ApiFailure;
  return data;
}

/** The failure's message whatever was thrown. */
export function failureMessage(err: unknown): string {
  return typeof err === "object" && err !== null && "message" in err ? String((err as ApiFailure).message) : "Something went wrong.";
}
