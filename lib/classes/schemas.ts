// Request bodies for the classes API (zod); the messages are shown to people, so they say what to fix.
import { z } from "zod";

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max} characters.` });

export const classInput = z.strictObject({ name: text("The class name", 100), term: text("The term", 60) });
export type ClassInput = z.infer<typeof classInput>;

export const joinInput = z.strictObject({ code: z.string({ error: "Enter the join code." }).max(40, { error: "That is not a join code." }) });

const isoDate = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time, e.g. 2026-12-01T17:00:00Z.` });

export const assignmentInput = z
  .strictObject({
    kind: z.enum(["quiz", "lesson"], { error: "kind must be “quiz” or “lesson”." }),
    targetId: z.string({ error: "Choose a quiz or lesson." }).min(1, { error: "Choose a quiz or lesson." }).max(120),
    openAt: isoDate("The open date").optional(),
    dueAt: isoDate("The due date"),
    maxAttempts: z.int({ error: "Attempts allowed must be a whole number." }).min(1, { error: "Allow at least 1 attempt." }).max(20, { error: "Allow at most 20 attempts." }).nullable().default(null),
    grading: z.enum(["highest", "latest"], { error: "grading must be “highest” or “latest”." }).default("highest"),
    latePolicy: z.enum(["closed", "penalty"], { error: "latePolicy must be “closed” or “penalty”." }).default("closed"),
    latePenaltyPct: z.int({ error: "The late penalty must be a whole percent." }).min(0, { error: "The late penalty must be 0–100 %." }).max(100, { error: "The late penalty must be 0–100 %." }).default(0),
    answersRelease: z.enum(["immediately", "after_due", "never"], { error: "answersRelease must be “immediately”, “after_due” or “never”." }).default("after_due"),
  })
  .superRefine((v, ctx) => {
    if (v.openAt && Date.parse(v.openAt) >= Date.parse(v.dueAt)) {
      ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must be after the open date." });
    }
  });
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const progressInput = z.strictObject({
  lessons: z
    .record(
      z.string().regex(/^[a-z0-9-]{1,80}$/, { error: "Lesson slugs are lowercase words joined by dashes." }),
      z.strictObject({ completedAt: z.iso.datetime({ offset: true }).nullable() }),
    )
    .refine((r) => Object.keys(r).length <= 200, { error: "Too many lessons." }),
});
export type ProgressInput = z.infer<typeof progressInput>;
