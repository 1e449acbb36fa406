// Simulated learners for load and crash tests: each one has its own cookie identity, loads a quiz
// variant, answers it and submits with an Idempotency-Key, retrying the SAME key on timeouts, dropped
// connections and 5xx until the server gives a definitive answer. Every acknowledgement is written to a
// ledger that verify.ts later compares with the database.
import { randomUUID } from "node:crypto";
import type { PublicQuestion, QuizState } from "../../lib/quiz/types";

/** The graded quiz first (3 attempts each), then the ungraded end-of-lesson checks, in rotation. */
export const GRADED_QUIZ = "is-relu-linear";
export const CHECK_QUIZZES = ["why-activation-functions-check", "sigmoid-vanishing-gradient-check", "relu-check", "dead-relu-leaky-relu-check", "is-relu-linear-check"];

export type Ack = { learnerId: string; quizId: string; key: string; attemptId: string; status: number; replayed: boolean };

export type Ledger = {
  /** One entry per acknowledged submission (2xx), including replays of the same key. */
  acks: Ack[];
  /** Keys the client gave up on without a definitive answer (only when the retry budget ran out). */
  abandoned: { learnerId: string; quizId: string; key: string }[];
  /** Latency in ms of each successful submission request (the request that was answered, not the retries). */
  submitLatencies: number[];
  /** Latency in ms of each successful quiz load. */
  loadLatencies: number[];
  counts: {
    requests: number;
    timeouts: number;
    connectionErrors: number;
    retries: number;
    status5xx: number;
    unexpected4xx: number;
  };
  /** Descriptions of unexpected answers (4xx on valid submissions, 5xx) — the first few, for reports. */
  problems: string[];
  learners: Set<string>;
  startedAt: number;
  endedAt: number;
};

export type SimulationOptions = {
  baseUrl: string;
  learners: number;
  durationMs: number;
  /** A request slower than this is abandoned and retried with the same key. */
  timeoutMs?: number;
  /** How long to keep retrying one request (through a restart) before giving up on it. */
  retryBudgetMs?: number;
  /** Pause between a learner's submissions (0 = a deadline rush). */
  thinkMs?: number;
  onTick?: (ledger: Ledger) => void;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** A well-formed answer for a public question (right or wrong does not matter to the load test). */
export function answerFor(q: PublicQuestion): unknown {
  switch (q.type) {
    case "single":
      return { choice: pick(q.options).id };
    case "multiple":
      return { choices: q.options.filter(() => Math.random() < 0.5).map((o) => o.id).concat(q.options[0].id) };
    case "true-false":
      return { value: Math.random() < 0.5, because: pick(q.because).id };
    case "numeric":
      return { value: String(Math.round((Math.random() * 4 - 2) * 100) / 100) };
    case "counterexample":
      return { values: Object.fromEntries(q.fields.map((f) => [f.name, String(Math.round(Math.random() * 6 - 3))])) };
  }
}

type Outcome = { kind: "answer"; res: Response; body: unknown; ms: number } | { kind: "gave-up" };

/** Sends one request, retrying on timeouts, connection errors and 5xx until a 2xx/4xx or the budget ends. */
async function withRetries(ledger: Ledger, budgetMs: number, timeoutMs: number, send: (signal: AbortSignal) => Promise<Response>): Promise<Outcome> {
  const deadline = Date.now() + budgetMs;
  let backoff = 50;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      ledger.counts.retries += 1;
      await sleep(backoff + Math.random() * backoff);
      backoff = Math.min(backoff * 2, 1000);
    }
    if (Date.now() > deadline) return { kind: "gave-up" };
    const t0 = performance.now();
    ledger.counts.requests += 1;
    // Our own timer (AbortSignal.timeout's can be collected before it fires on Node 20, leaving a fetch
    // hanging forever), and a hard race in case a body read ignores the abort.
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve("timeout");
      }, timeoutMs);
    });
    const work = (async () => {
      const res = await send(abort.signal);
      return { res, text: await res.text() };
    })();
    work.catch(() => {}); // if the timer wins, the aborted request's rejection is expected and ignored
    try {
      const answered = await Promise.race([work, expired]);
      if (answered === "timeout") {
        ledger.counts.timeouts += 1;
        continue;
      }
      const { res, text } = answered;
      const ms = performance.now() - t0;
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        // A body cut off by the crash (or not JSON at all): the answer never fully arrived, so ask again.
        ledger.counts.connectionErrors += 1;
        continue;
      }
      if (res.status >= 500) {
        ledger.counts.status5xx += 1;
        if (ledger.problems.length < 20) ledger.problems.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        continue;
      }
      return { kind: "answer", res, body, ms };
    } catch (err) {
      const name = (err as Error).name;
      if (name === "TimeoutError" || name === "AbortError") ledger.counts.timeouts += 1;
      else ledger.counts.connectionErrors += 1;
    } finally {
      clearTimeout(timer);
    }
  }
}

function learnerIdFromCookie(cookie: string): string {
  const value = cookie.slice(cookie.indexOf("=") + 1);
  return value.slice(0, value.lastIndexOf("."));
}

/** Runs `learners` concurrent learners for `durationMs`; resolves when every started submission has settled. */
export async function simulateLearners(options: SimulationOptions): Promise<Ledger> {
  const { baseUrl, learners, durationMs } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retryBudgetMs = options.retryBudgetMs ?? 120_000;
  const thinkMs = options.thinkMs ?? 0;
  const ledger: Ledger = {
    acks: [],
    abandoned: [],
    submitLatencies: [],
    loadLatencies: [],
    counts: { requests: 0, timeouts: 0, connectionErrors: 0, retries: 0, status5xx: 0, unexpected4xx: 0 },
    problems: [],
    learners: new Set(),
    startedAt: Date.now(),
    endedAt: 0,
  };
  const stopAt = ledger.startedAt + durationMs;
  const problem = (msg: string) => {
    ledger.counts.unexpected4xx += 1;
    if (ledger.problems.length < 20) ledger.problems.push(msg);
  };

  async function learner(index: number): Promise<void> {
    let cookie: string | null = null;
    const exhausted = new Set<string>();
    let round = index;
    while (Date.now() < stopAt) {
      const quizId = exhausted.has(GRADED_QUIZ) ? CHECK_QUIZZES[round++ % CHECK_QUIZZES.length] : GRADED_QUIZ;
      const loaded = await withRetries(ledger, retryBudgetMs, timeoutMs, (signal) =>
        fetch(`${baseUrl}/api/quizzes/${quizId}`, { headers: cookie ? { cookie } : {}, signal }),
      );
      if (loaded.kind === "gave-up") return;
      if (!loaded.res.ok) {
        problem(`GET ${quizId} → ${loaded.res.status} ${JSON.stringify(loaded.body).slice(0, 200)}`);
        return;
      }
      ledger.loadLatencies.push(loaded.ms);
      const set = loaded.res.headers.getSetCookie().find((c) => c.startsWith("learner="));
      if (set) cookie = set.split(";")[0];
      if (!cookie) {
        problem(`GET ${quizId} set no learner cookie`);
        return;
      }
      const learnerId = learnerIdFromCookie(cookie);
      ledger.learners.add(learnerId);
      const state = loaded.body as QuizState;
      if (!state.variant) {
        exhausted.add(quizId);
        continue;
      }
      const answers = Object.fromEntries(state.variant.questions.map((q) => [q.id, answerFor(q)]));
      const body = JSON.stringify({ variantId: state.variant.variantId, answers });
      const key = randomUUID();
      const sent = await withRetries(ledger, retryBudgetMs, timeoutMs, (signal) =>
        fetch(`${baseUrl}/api/quizzes/${quizId}/attempts`, {
          method: "POST",
          headers: { cookie: cookie!, "content-type": "application/json", "idempotency-key": key },
          body,
          signal,
        }),
      );
      if (sent.kind === "gave-up") {
        ledger.abandoned.push({ learnerId, quizId, key });
        return;
      }
      const { res } = sent;
      const attempt = sent.body as { attemptId?: string } | null;
      if ((res.status === 201 || res.status === 200) && attempt?.attemptId) {
        ledger.submitLatencies.push(sent.ms);
        ledger.acks.push({ learnerId, quizId, key, attemptId: attempt.attemptId, status: res.status, replayed: res.headers.get("idempotent-replayed") === "true" });
      } else {
        problem(`POST ${quizId} → ${res.status} ${JSON.stringify(sent.body).slice(0, 200)}`);
      }
      if (thinkMs > 0) await sleep(Math.random() * thinkMs * 2);
    }
  }

  const tick = options.onTick ? setInterval(() => options.onTick!(ledger), 5000) : null;
  try {
    await Promise.all(Array.from({ length: learners }, (_, i) => learner(i)));
  } finally {
    if (tick) clearInterval(tick);
  }
  ledger.endedAt = Date.now();
  return ledger;
}
