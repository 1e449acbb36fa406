// Classes with join codes, their members, assignments (dates, attempt and answer-release rules) and
// lesson progress kept with the account.
import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  const ts = isPostgres(db) ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable("classes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("instructor_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("term", "text", (c) => c.notNull())
    .addColumn("join_code", "text", (c) => c.notNull().unique())
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("classes_instructor_idx").on("classes").column("instructor_id").execute();

  await db.schema
    .createTable("class_members")
    .addColumn("class_id", "text", (c) => c.notNull().references("classes.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("joined_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("class_members_pk", ["class_id", "user_id"])
    .execute();
  await db.schema.createIndex("class_members_user_idx").on("class_members").column("user_id").execute();

  await db.schema
    .createTable("assignments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("class_id", "text", (c) => c.notNull().references("classes.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('quiz', 'lesson')`))
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("open_at", ts, (c) => c.notNull())
    .addColumn("due_at", ts, (c) => c.notNull())
    .addColumn("max_attempts", "integer")
    .addColumn("grading", "text", (c) => c.notNull().check(sql`grading in ('highest', 'latest')`))
    .addColumn("late_policy", "text", (c) => c.notNull().check(sql`late_policy in ('closed', 'penalty')`))
    .addColumn("late_penalty_pct", "integer", (c) => c.notNull().check(sql`late_penalty_pct between 0 and 100`))
    .addColumn("answers_release", "text", (c) => c.notNull().check(sql`answers_release in ('immediately', 'after_due', 'never')`))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addUniqueConstraint("assignments_class_target_uq", ["class_id", "kind", "target_id"])
    .execute();

  await db.schema
    .createTable("lesson_progress")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("lesson_slug", "text", (c) => c.notNull())
    .addColumn("completed_at", ts)
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("lesson_progress_pk", ["user_id", "lesson_slug"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["lesson_progress", "assignments", "class_members", "classes"]) await db.schema.dropTable(t).ifExists().execute();
}
