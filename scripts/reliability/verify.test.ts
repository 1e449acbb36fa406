// The verifier must catch what the load and crash tests exist to catch: an acknowledged attempt that is
// missing, a key answered twice with different attempts, a stored attempt nobody was told about, and an
// attempt stored without its answers. Otherwise "0 lost, 0 duplicated" would prove nothing.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../../lib/db/setup-test-db";
import type { Ack, Ledger } from "./learners";
import { verifyLedger } from "./verify";

const GRADED = { id: "is-relu-linear", maxAttempts: 3 };
const now = new Date().toISOString();

function ledger(acks: Ack[]): Ledger {
  return {
    acks,
    abandoned: [],
    submitLatencies: [],
    loadLatencies: [],
    counts: { requests: 0, timeouts: 0, connectionErrors: 0, retries: 0, status5xx: 0, unexpected4xx: 0 },
    problems: [],
    learners: new Set(acks.map((a) => a.learnerId)),
    startedAt: 0,
    endedAt: 1,
  };
}

const ack = (n: number, over: Partial<Ack> = {}): Ack => ({ learnerId: "l1", quizId: "relu-check", key: `k${n}`, attemptId: `a${n}`, status: 201, replayed: false, ...over });

describe("verifyLedger", () => {
  const t = setupTestDb("sqlite", async (t) => {
    await t.db.insertInto("learners").values({ id: "l1", created_at: now, user_id: null }).execute();
    for (const n of [1, 2, 3]) {
      await t.db.insertInto("quiz_variants").values({ id: `v${n}`, learner_id: "l1", quiz_id: "relu-check", attempt_number: n, seed: n, status: "submitted", created_at: now }).execute();
      await t.db
        .insertInto("quiz_attempts")
        .values({ id: `a${n}`, learner_id: "l1", quiz_id: "relu-check", variant_id: `v${n}`, seed: n, attempt_number: n, idempotency_key: `k${n}`, request_hash: "h", score: 1, max_score: 1, result_json: JSON.stringify({ questions: [{ questionId: "q" }] }), answers_json: n === 3 ? "[]" : JSON.stringify([{ questionId: "q", status: "correct", points: 1, maxPoints: 1, choiceIds: [], response: {} }]), created_at: now })
        .execute();
      // Attempt 3 is incomplete: stored without its answer.
    }
  });

  it("passes when every acknowledgement matches one complete stored attempt", async () => {
    await t.db.deleteFrom("quiz_attempts").where("id", "=", "a3").execute();
    const v = await verifyLedger(t.db, ledger([ack(1), ack(2), ack(2, { status: 200, replayed: true })]), GRADED);
    expect(v).toMatchObject({ ok: true, acknowledgedKeys: 2, storedAttempts: 2, lost: [], duplicated: [], unacknowledged: [], incomplete: [] });
  });

  it("reports an acknowledged attempt that is not stored as lost", async () => {
    const v = await verifyLedger(t.db, ledger([ack(1), ack(2), ack(9)]), GRADED);
    expect(v.ok).toBe(false);
    expect(v.lost).toEqual(["l1/k9 → a9"]);
  });

  it("reports one key answered with two attempts as duplicated", async () => {
    const v = await verifyLedger(t.db, ledger([ack(1), ack(2), ack(2, { attemptId: "a1" })]), GRADED);
    expect(v.ok).toBe(false);
    expect(v.duplicated).toHaveLength(1);
  });

  it("reports a stored attempt nobody was told about, and an attempt without its answers", async () => {
    await t.db
      .insertInto("quiz_attempts")
      .values({ id: "a3", learner_id: "l1", quiz_id: "relu-check", variant_id: "v3", seed: 3, attempt_number: 3, idempotency_key: "k3", request_hash: "h", score: 1, max_score: 1, result_json: JSON.stringify({ questions: [{ questionId: "q" }] }), answers_json: "[]", created_at: now })
      .execute();
    const v = await verifyLedger(t.db, ledger([ack(1), ack(2)]), GRADED);
    expect(v.ok).toBe(false);
    expect(v.unacknowledged).toEqual(["l1/k3"]);
    expect(v.incomplete).toEqual(["a3: 0 of 1 answers"]);
  });
});
