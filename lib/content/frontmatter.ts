// The lesson frontmatter schema: every lesson's YAML header is checked against it, and a bad or missing
// field stops the build with the file and the field named.
import { z } from "zod";

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    objectives: z.array(z.string().trim().min(1)).min(1),
    prerequisites: z.array(z.string().trim().min(1)),
    minutes: z.number().int().positive(),
    order: z.number().int().positive(),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** Thrown when a lesson's frontmatter does not match the schema; the message names the file and fields. */
export class FrontmatterError extends Error {
  constructor(
    readonly file: string,
    readonly fields: string[],
    detail: string,
  ) {
    super(`${file}: invalid frontmatter — ${detail}`);
    this.name = "FrontmatterError";
  }
}

/** Validates raw frontmatter data from `file`; returns it typed or throws FrontmatterError. */
export function parseFrontmatter(file: string, data: unknown): LessonFrontmatter {
  const result = lessonFrontmatterSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues;
  const fields = issues.map((issue) => (issue.path.length > 0 ? issue.path.join(".") : describeUnknownKeys(issue)));
  const detail = issues
    .map((issue, i) => `field "${fields[i]}": ${issue.message}`)
    .join("; ");
  throw new FrontmatterError(file, fields, detail);
}

function describeUnknownKeys(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return issue.keys.join(", ");
  return "(root)";
}
