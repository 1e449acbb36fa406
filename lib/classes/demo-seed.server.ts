// Demo data for a newcomer: an instructor with a class, two learners who have taken "Is ReLU linear?"
// (real graded attempts, sharing one misconception) so the gradebook is filled at first sight.
// Seeds only an empty database (no users); running it again does nothing.
import "server-only";
import { randomUUID } from "node:crypto";
import type { AppContext } from "@/lib/auth/context.server";
import { createGroupCommitter } from "@/lib/db/group-commit";
import { flag, type AnyQuestion, type ChoiceOption } from "@/lib/quiz/define";
import { getQuiz } from "@/lib/quiz/registry.server";
import { loadQuizState, submitAttempt } from "@/lib/quiz/service.server";
import { instantiate, optionLetter, type VariantQuestion } from "@/lib/quiz/variant.server";
import { createAssignment } from "./assignments.server";
import { createClass, joinClass } from "./classes.server";

export const DEMO_PASSWORD = "relu-is-not-linear";
export const DEMO_ACCOUNTS = [
  { email: "instructor@example.com", name: "Dana Demo (instructor)", role: "instructor" as const },
  { email: "ada@example.com", name: "Ada Learner", role: "learner" as const },
  { email: "ben@example.com", name: "Ben Learner", role: "learner" as const },
];

/** An answer to one question: right, or the given (or a typical) wrong one. */
function answerFor(q: VariantQuestion, wrong: string | boolean): unknown {
  const def: AnyQuestion = q.def;
  const p = q.params;
  const pos = (options: ChoiceOption<unknown>[], pick: (o: ChoiceOption<unknown>) => boolean) => optionLetter(q.order.findIndex((k) => pick(options[k])));
  if (def.type === "single" || def.type === "multiple") {
    const options = def.options as ChoiceOption<unknown>[];
    const right = (o: ChoiceOption<unknown>) => flag(o.correct, p);
    const pickWrong = (o: ChoiceOption<unknown>) => (typeof wrong === "string" ? o.id === wrong : !right(o));
    if (def.type === "single") return { choice: pos(options, wrong ? pickWrong : right) };
    const letters = q.order.map((k, i) => (right(options[k]) ? optionLetter(i) : null)).filter((x): x is string => x !== null);
    return { choices: wrong ? letters.slice(0, 1) : letters };
  }
  if (def.type === "true-false") {
    const because = def.because as ChoiceOption<unknown>[];
    return { value: wrong ? !flag(def.answer, p) : flag(def.answer, p), because: pos(because, (o) => flag(o.correct, p)) };
  }
  if (def.type === "numeric") return { value: String(def.answer(p) + (wrong ? 1 : 0)) };
  // A counterexample: search small numbers for one that breaks the identity (or holds, to be wrong).
  const grid = [1, -1, 2, -2, 0.5];
  const combos = def.fields.reduce<Record<string, number>[]>((acc, f) => acc.flatMap((c) => grid.map((v) => ({ ...c, [f.name]: v }))), [{}]);
  const found = combos.find((c) => def.evaluate(c, p).holds === Boolean(wrong)) ?? combos[0];
  return { values: Object.fromEntries(Object.entries(found).map(([k, v]) => [k, String(v)])) };
}

async function takeQuiz(ctx: AppContext, userId: string, quizId: string, wrongs: Record<string, string | boolean>) {
  const quiz = getQuiz(quizId)!;
  // One learner row per account (decision 051): sign-up made it; reuse it.
  const own = await ctx.db.selectFrom("learners").select("id").where("user_id", "=", userId).executeTakeFirst();
  const learnerId = own?.id ?? randomUUID();
  if (!own) await ctx.db.insertInto("learners").values({ id: learnerId, created_at: new Date().toISOString(), user_id: userId }).execute();
  const state = await loadQuizState(ctx.db, learnerId, quiz);
  const variant = instantiate(quiz, (await ctx.db.selectFrom("quiz_variants").select("seed").where("id", "=", state.variant!.variantId).executeTakeFirstOrThrow()).seed);
  const answers = Object.fromEntries(variant.questions.map((q) => [q.def.id, answerFor(q, wrongs[q.def.id] ?? false)]));
  const out = await submitAttempt({ db: ctx.db, committer: createGroupCommitter(ctx.db) }, { quiz, learnerId, idempotencyKey: randomUUID(), body: { variantId: state.variant!.variantId, answers } });
  if (out.kind !== "graded") throw new Error(`demo attempt was not graded: ${JSON.stringify(out)}`);
  return out.attempt;
}

export type SeedOutcome = { seeded: boolean; accounts: typeof DEMO_ACCOUNTS; password: string };

/** Seeds the demo when the database has no users; otherwise changes nothing. */
export async function seedDemo(ctx: AppContext, now = new Date()): Promise<SeedOutcome> {
  const any = await ctx.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (any) return { seeded: false, accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD };
  const users = [];
  for (const a of DEMO_ACCOUNTS) {
    const r = await ctx.auth.api.signUpEmail({ body: { email: a.email, password: DEMO_PASSWORD, name: a.name, role: a.role } });
    users.push({ id: r.user.id, name: a.name, email: a.email, role: a.role });
  }
  const [teacher, ada, ben] = users;
  const cls = await createClass(ctx.db, teacher, { name: "Neural Networks 101", term: "Demo term" });
  const due = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  await createAssignment(ctx.db, teacher, cls.id, { kind: "quiz", targetId: "is-relu-linear", dueAt: due, maxAttempts: 3, grading: "highest", latePolicy: "penalty", latePenaltyPct: 10, answersRelease: "after_due" }, now);
  await createAssignment(ctx.db, teacher, cls.id, { kind: "lesson", targetId: "relu", dueAt: due, maxAttempts: null, grading: "highest", latePolicy: "closed", latePenaltyPct: 0, answersRelease: "immediately" }, now);
  for (const l of [ada, ben]) await joinClass(ctx.db, l, cls.joinCode);
  // Both believe "piecewise linear means linear" — the misconception the gradebook should name.
  await takeQuiz(ctx, ada.id, "is-relu-linear", { "irl-definition": "straight-pieces", "irl-sigmoid-bound": true });
  await takeQuiz(ctx, ben.id, "is-relu-linear", { "irl-definition": "straight-pieces", "irl-dead-relu-cause": true, "irl-homogeneity-sign": true, "irl-leaky-value": true });
  await ctx.db.insertInto("lesson_progress").values({ user_id: ada.id, lesson_slug: "relu", completed_at: now.toISOString(), updated_at: now.toISOString() }).execute();
  return { seeded: true, accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD };
}
