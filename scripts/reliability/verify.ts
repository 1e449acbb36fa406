// Compares what the clients were told (the ledger) with what the database holds: every acknowledged
// attempt stored exactly once, nothing stored that nobody was told about, each attempt complete.
import type { Kysely } from "kysely";
import type { Database } from "../../lib/db/schema";
import type { Ledger } from "./learners";

export type Verification = {
  acknowledgedKeys: number;
  storedAttempts: number;
  /** Acknowledged attempt ids that are not in the database. */
  lost: string[];
  /** Keys answered with two different attempt ids, or stored twice, or variants graded twice. */
  duplicated: string[];
  /** Attempts in the database that no client was told about (excluding keys the client abandoned). */
  unacknowledged: string[];
  /** Attempts whose stored per-question answers do not match the questions graded. */
  incomplete: string[];
  /** Learners over the graded quiz's attempt limit. */
  overLimit: string[];
  ok: boolean;
};

/** Checks the ledger against the database; `maxGradedAttempts` is the graded quiz's limit. */
export async function verifyLedger(db: Kysely<Database>, ledger: Ledger, gradedQuiz: { id: string; maxAttempts: number | null }): Promise<Verification> {
  // Each key must map to one attempt id, however many times the client heard about it.
  const byKey = new Map<string, Set<string>>();
  for (const a of ledger.acks) {
    const k = `${a.learnerId}/${a.key}`;
    if (!byKey.has(k)) byKey.set(k, new Set());
    byKey.get(k)!.add(a.attemptId);
  }
  const duplicated: string[] = [];
  for (const [k, ids] of byKey) if (ids.size > 1) duplicated.push(`key ${k} answered with ${ids.size} attempt ids`);

  const rows = await db.selectFrom("quiz_attempts").select(["id", "learner_id", "quiz_id", "variant_id", "idempotency_key", "result_json", "answers_json"]).execute();
  const storedById = new Map(rows.map((r) => [r.id, r]));
  const storedKeys = new Map<string, number>();
  const storedVariants = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.learner_id}/${r.idempotency_key}`;
    storedKeys.set(k, (storedKeys.get(k) ?? 0) + 1);
    storedVariants.set(r.variant_id, (storedVariants.get(r.variant_id) ?? 0) + 1);
  }
  for (const [k, n] of storedKeys) if (n > 1) duplicated.push(`key ${k} stored ${n} times`);
  for (const [v, n] of storedVariants) if (n > 1) duplicated.push(`variant ${v} graded ${n} times`);

  const lost: string[] = [];
  for (const [k, ids] of byKey) {
    for (const id of ids) {
      const row = storedById.get(id);
      if (!row) lost.push(`${k} → ${id}`);
      else if (`${row.learner_id}/${row.idempotency_key}` !== k) lost.push(`${k} → ${id} stored under another key`);
    }
  }

  const abandoned = new Set(ledger.abandoned.map((a) => `${a.learnerId}/${a.key}`));
  const unacknowledged = rows
    .map((r) => `${r.learner_id}/${r.idempotency_key}`)
    .filter((k) => !byKey.has(k) && !abandoned.has(k));

  // Every attempt carries one stored answer per graded question, for the same questions in the same order.
  const incomplete: string[] = [];
  for (const r of rows) {
    const expected = (JSON.parse(r.result_json) as { questions: { questionId?: string }[] }).questions.map((q) => q.questionId);
    const got = (JSON.parse(r.answers_json) as { questionId?: string }[]).map((x) => x.questionId);
    if (got.length !== expected.length) incomplete.push(`${r.id}: ${got.length} of ${expected.length} answers`);
    else if (got.some((id, i) => id !== expected[i])) incomplete.push(`${r.id}: answers for other questions than those graded`);
  }

  const overLimit: string[] = [];
  if (gradedQuiz.maxAttempts !== null) {
    const perLearner = new Map<string, number>();
    for (const r of rows) if (r.quiz_id === gradedQuiz.id) perLearner.set(r.learner_id, (perLearner.get(r.learner_id) ?? 0) + 1);
    for (const [l, n] of perLearner) if (n > gradedQuiz.maxAttempts) overLimit.push(`${l}: ${n} attempts`);
  }

  return {
    acknowledgedKeys: byKey.size,
    storedAttempts: rows.length,
    lost,
    duplicated,
    unacknowledged,
    incomplete,
    overLimit,
    ok: lost.length === 0 && duplicated.length === 0 && unacknowledged.length === 0 && incomplete.length === 0 && overLimit.length === 0 && ledger.abandoned.length === 0,
  };
}
