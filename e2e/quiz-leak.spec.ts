// No key leaks: every page, RSC payload and JS chunk a learner can fetch before grading is searched for
// the explanations, feedback and correct answers — which are collected by grading real attempts.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

const QUIZZES = ["is-relu-linear", "why-activation-functions-check", "sigmoid-vanishing-gradient-check", "relu-check", "dead-relu-leaky-relu-check", "is-relu-linear-check"];
const LESSONS = ["why-activation-functions", "sigmoid-vanishing-gradient", "relu", "dead-relu-leaky-relu", "is-relu-linear"];
// Author ids of correct options and words only the keys use.
const KEY_IDS = ["both-identities", "negative-preactivation", "nonneg-scaling", "additivity-fails", "product-small", "one-linear-map", "\"tolerance\":", "\"explanation\":", "\"correct\":true"];

type Result = { questions: { explanation: string; feedback: string[]; correctAnswer: string }[] };
type State = { variant: { variantId: string; questions: { id: string; type: string; options?: { id: string }[]; because?: { id: string }[]; fields?: { name: string }[] }[] } };

/** Grades one throwaway attempt per quiz (in its own cookie jar) and returns the secret strings it reveals. */
async function secretsFrom(request: APIRequestContext, quizId: string): Promise<string[]> {
  const state = (await (await request.get(`/api/quizzes/${quizId}`)).json()) as State;
  const answers = Object.fromEntries(
    state.variant.questions.map((q) => {
      if (q.type === "single") return [q.id, { choice: q.options![0].id }];
      if (q.type === "multiple") return [q.id, { choices: [q.options![0].id] }];
      if (q.type === "true-false") return [q.id, { value: true, because: q.because![0].id }];
      if (q.type === "numeric") return [q.id, { value: "12345" }];
      return [q.id, { values: Object.fromEntries(q.fields!.map((f) => [f.name, "1"])) }];
    }),
  );
  const res = await request.post(`/api/quizzes/${quizId}/attempts`, { headers: { "Idempotency-Key": crypto.randomUUID() }, data: { variantId: state.variant.variantId, answers } });
  expect(res.status()).toBe(201);
  const result = (await res.json()) as Result;
  const strings = result.questions.flatMap((q) => [q.explanation, q.correctAnswer, ...q.feedback.map((f) => f.replace(/^[A-Z]: /, ""))]);
  // Whole texts of some length only: short ones ("Right.") also occur in ordinary prose.
  return [...new Set(strings.filter((s) => s.length >= 30))];
}

test("no page, RSC payload or JS chunk served before grading contains an answer, key, tolerance or explanation", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  // The corpus: what a brand-new learner can fetch.
  const learner = await playwright.request.newContext({ baseURL });
  const pages = ["/", ...LESSONS.map((s) => `/lessons/${s}`), ...QUIZZES.map((q) => `/quizzes/${q}`)];
  const corpus = new Map<string, string>();
  const chunks = new Set<string>();
  const collectChunks = (text: string) => {
    for (const m of text.matchAll(/\/_next\/static\/[^"'\s)\\]+?\.js/g)) chunks.add(m[0]);
  };
  for (const path of pages) {
    const html = await learner.get(path);
    expect(html.status(), path).toBe(200);
    const text = await html.text();
    corpus.set(path, text);
    collectChunks(text);
    const rsc = await learner.get(path, { headers: { RSC: "1" } });
    expect(rsc.status(), `${path} (RSC)`).toBe(200);
    const payload = await rsc.text();
    corpus.set(`${path} (RSC)`, payload);
    collectChunks(payload);
  }
  for (const q of QUIZZES) corpus.set(`GET /api/quizzes/${q}`, await (await learner.get(`/api/quizzes/${q}`)).text());
  expect(chunks.size).toBeGreaterThan(5);
  for (const chunk of chunks) {
    const res = await learner.get(chunk);
    expect(res.status(), chunk).toBe(200);
    corpus.set(chunk, await res.text());
  }

  // The secrets: revealed by grading attempts as a different learner.
  const grader = await playwright.request.newContext({ baseURL });
  const secrets = [...KEY_IDS];
  for (const q of QUIZZES) secrets.push(...(await secretsFrom(grader, q)));
  expect(secrets.length).toBeGreaterThan(60);
  // The test can fail: the graded result itself contains the secrets.
  expect(secrets.some((s) => s.includes("It is not caused by a discontinuity"))).toBe(true);

  const leaks: string[] = [];
  for (const [where, text] of corpus) {
    for (const s of secrets) if (text.includes(s)) leaks.push(`${where}: ${s.slice(0, 80)}`);
  }
  expect(leaks).toEqual([]);
  await learner.dispose();
  await grader.dispose();
});
