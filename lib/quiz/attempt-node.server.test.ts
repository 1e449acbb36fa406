// The fast path's node:http adapter: headers on every response, gzip for clients that accept it, and the
// 64 KB limit on a chunked body that declares no length.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/lib/db";
import { setupTestDb } from "@/lib/db/setup-test-db";
import { handleAttemptPost } from "./attempt-node.server";
import { quizContext, releaseQuizContextForTests, resetQuizContextForTests } from "./context.server";
import { keyAnswers } from "./key-answers.server";
import { signLearnerId } from "./learner.server";
import { getQuiz } from "./registry.server";
import { loadQuizState } from "./service.server";
import { instantiate } from "./variant.server";

const QUIZ = "is-relu-linear";
const BASE = { "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'" };
const t = setupTestDb("sqlite", (db) => {
  useDatabaseForTests(db);
  resetQuizContextForTests();
});
// Before the database is dropped: the quiz API's committer flushes and lets go of its WAL file handle.
afterAll(releaseQuizContextForTests);
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => void handleAttemptPost(req, res, QUIZ, BASE));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function send(headers: Record<string, string>, chunks: (string | Buffer)[]): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: "127.0.0.1", method: "POST", path: `/api/quizzes/${QUIZ}/attempts`, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    });
    // A refused upload may see its connection closed mid-body; the response has arrived by then.
    req.on("error", (err) => (String(err).includes("EPIPE") || String(err).includes("ECONNRESET") ? undefined : reject(err)));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

async function learner() {
  const deps = await quizContext();
  const id = crypto.randomUUID();
  const quiz = getQuiz(QUIZ)!;
  const state = await loadQuizState(deps.db, id, quiz, deps.committer);
  const { seed } = await t.db.selectFrom("quiz_variants").select("seed").where("id", "=", state.variant!.variantId).executeTakeFirstOrThrow();
  return { cookie: `learner=${signLearnerId(id, deps.secret)}`, body: JSON.stringify({ variantId: state.variant!.variantId, answers: keyAnswers(instantiate(quiz, seed)) }) };
}

describe("handleAttemptPost", () => {
  it("sends the base headers, no-store and JSON with its length; gzip only when the client accepts it", async () => {
    for (const gzip of [false, true]) {
      const l = await learner();
      const res = await send({ "content-type": "application/json", "idempotency-key": crypto.randomUUID(), cookie: l.cookie, ...(gzip ? { "accept-encoding": "gzip, br" } : {}) }, [l.body]);
      expect(res.status).toBe(201);
      expect(res.headers).toMatchObject({ "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'", "cache-control": "no-store", "content-type": "application/json" });
      expect(Number(res.headers["content-length"])).toBe(res.body.length);
      expect(res.headers["content-encoding"]).toBe(gzip ? "gzip" : undefined);
      const json = JSON.parse((gzip ? gunzipSync(res.body) : res.body).toString("utf8"));
      expect(json).toMatchObject({ quizId: QUIZ, score: 14, attemptsRemaining: 2 });
    }
  });

  it("answers a chunked body past 64 KB (no Content-Length) with 413 naming body, and closes the connection", async () => {
    const chunk = "x".repeat(16 * 1024);
    const res = await send({ "content-type": "application/json", "idempotency-key": "k", "transfer-encoding": "chunked" }, Array(6).fill(chunk));
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe("close");
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: "body_too_large", field: "body" } });
  });

  it("reads a body split across chunks, multi-byte characters included", async () => {
    const body = Buffer.from(JSON.stringify({ variantId: "é".repeat(10), answers: {}, extra: "ü" }), "utf8");
    const res = await send({ "content-type": "application/json", "idempotency-key": "k2" }, [body.subarray(0, 15), body.subarray(15)]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: "invalid_body", field: "extra" } });
  });
});
