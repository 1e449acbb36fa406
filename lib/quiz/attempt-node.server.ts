// The fast path's adapter: POST /api/quizzes/:id/attempts straight from node:http to postAttempt(), for the
// production server (scripts/server.mjs), which bundles this file with esbuild (scripts/lib/fast-path.mjs).
// Next's own request pipeline costs ~2 ms of CPU per request on this machine kind; this path skips it.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { bodyBytes, postAttempt } from "./attempt-endpoint.server";
import { closeQuizContext, quizContext } from "./context.server";
import { bodyTooLarge, MAX_BODY_BYTES } from "./request.server";

/** Reads the request body as UTF-8, rejecting past MAX_BODY_BYTES (the rest of the body is not read). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData);
        req.pause();
        reject(bodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

const gzip = promisify(gzipCallback);
/** Next compresses responses over 1 KB for clients that accept gzip (a graded attempt is ~8 KB of JSON). */
const COMPRESS_FROM_BYTES = 1024;

const one = (v: string | string[] | undefined): string | null => (v === undefined ? null : Array.isArray(v) ? v.join(", ") : v);

/** Answers one POST …/attempts; `quizId` is the already-matched path segment, `baseHeaders` the security
 * headers every /api response carries (lib/http/security-headers.mjs). */
export async function handleAttemptPost(req: IncomingMessage, res: ServerResponse, quizId: string, baseHeaders: Record<string, string>): Promise<void> {
  const h = req.headers;
  const out = await postAttempt({
    quizId,
    headers: { contentType: one(h["content-type"]), contentLength: one(h["content-length"]), idempotencyKey: one(h["idempotency-key"]), cookie: one(h.cookie) },
    body: () => readBody(req),
  });
  const json = bodyBytes(out);
  const headers: Record<string, string | number> = { ...baseHeaders, ...out.headers, "Content-Type": "application/json" };
  let payload = json;
  if (json.byteLength > COMPRESS_FROM_BYTES && /\bgzip\b/i.test(one(h["accept-encoding"]) ?? "")) {
    payload = await gzip(json);
    headers["Content-Encoding"] = "gzip";
    headers.Vary = "Accept-Encoding";
  }
  headers["Content-Length"] = payload.byteLength;
  // A body refused part-way through is not drained: the connection closes instead. (Any other unread body
  // is read and discarded by Node after the response, as under Next, so the connection stays usable.)
  if (out.status === 413) headers.Connection = "close";
  if (!res.destroyed) res.writeHead(out.status, headers).end(payload);
}

/** Opens the database, runs migrations and loads the cookie key before the server listens. */
export async function warmUp(): Promise<void> {
  await quizContext();
}

/** Flushes queued attempts (each is acknowledged only once durable) and closes the database. */
export { closeQuizContext as shutdown };
