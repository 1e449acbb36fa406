// Classes: an instructor creates them and manages the roster and join code; learners join with the code.
// Every function takes the acting user and checks it here, so no route can forget to.
import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { ClassRow } from "@/lib/db/schema-classes";
import { HttpError, notFound } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/http.server";
import { formatJoinCode, generateJoinCode, normalizeJoinCode } from "./join-code";
import type { ClassInput } from "./schemas";

type Db = Kysely<Database>;

export type ClassSummary = { id: string; name: string; term: string; joinCode: string; members: number; assignments: number; createdAt: string };
export type RosterEntry = { userId: string; name: string; email: string; joinedAt: string };

function requireInstructor(actor: SessionUser): void {
  if (actor.role !== "instructor") throw new HttpError(403, "forbidden", "Only instructors can do this.");
}

/** The class if `actor` teaches it; 404 otherwise (also to other instructors). */
export async function ownedClass(db: Db, actor: SessionUser, classId: string): Promise<ClassRow> {
  requireInstructor(actor);
  const row = await db.selectFrom("classes").selectAll().where("id", "=", classId).where("instructor_id", "=", actor.id).executeTakeFirst();
  if (!row) throw notFound("The class", "classId");
  return row;
}

/** The class if `actor` is a member of it; 404 otherwise. */
export async function joinedClass(db: Db, actor: SessionUser, classId: string): Promise<ClassRow> {
  const row = await db
    .selectFrom("classes")
    .innerJoin("class_members as m", "m.class_id", "classes.id")
    .selectAll("classes")
    .where("classes.id", "=", classId)
    .where("m.user_id", "=", actor.id)
    .executeTakeFirst();
  if (!row) throw notFound("The class", "classId");
  return row;
}

async function insertWithFreshCode<T>(attempt: (code: string) => Promise<T>): Promise<T> {
  // A collision is ~1 in 10^12 per pair; retry a few times rather than fail.
  for (let i = 0; ; i++) {
    try {
      return await attempt(generateJoinCode(randomInt));
    } catch (err) {
      if (i >= 4 || !/unique|duplicate/i.test(String((err as Error).message))) throw err;
    }
  }
}

export async function createClass(db: Db, actor: SessionUser, input: ClassInput): Promise<ClassSummary> {
  requireInstructor(actor);
  const id = randomUUID();
  const createdAt = new Date().toISOString();
  const code = await insertWithFreshCode(async (joinCode) => {
    await db.insertInto("classes").values({ id, instructor_id: actor.id, name: input.name, term: input.term, join_code: joinCode, created_at: createdAt }).execute();
    return joinCode;
  });
  return { id, name: input.name, term: input.term, joinCode: formatJoinCode(code), members: 0, assignments: 0, createdAt };
}

export async function listTeachingClasses(db: Db, actor: SessionUser): Promise<ClassSummary[]> {
  requireInstructor(actor);
  const rows = await db
    .selectFrom("classes as c")
    .select((eb) => [
      "c.id",
      "c.name",
      "c.term",
      "c.join_code",
      "c.created_at",
      eb.selectFrom("class_members as m").select(eb.fn.countAll<number>().as("n")).whereRef("m.class_id", "=", "c.id").as("members"),
      eb.selectFrom("assignments as a").select(eb.fn.countAll<number>().as("n")).whereRef("a.class_id", "=", "c.id").as("assignments"),
    ])
    .where("c.instructor_id", "=", actor.id)
    .orderBy("c.created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, term: r.term, joinCode: formatJoinCode(r.join_code), members: Number(r.members ?? 0), assignments: Number(r.assignments ?? 0), createdAt: r.created_at }));
}

export type JoinedClass = { id: string; name: string; term: string; instructor: string; joinedAt: string };

export async function listJoinedClasses(db: Db, actor: SessionUser): Promise<JoinedClass[]> {
  const rows = await db
    .selectFrom("class_members as m")
    .innerJoin("classes as c", "c.id", "m.class_id")
    .innerJoin("users as u", "u.id", "c.instructor_id")
    .select(["c.id", "c.name", "c.term", "u.name as instructor", "m.joined_at"])
    .where("m.user_id", "=", actor.id)
    .orderBy("m.joined_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, term: r.term, instructor: r.instructor, joinedAt: r.joined_at }));
}

export async function roster(db: Db, actor: SessionUser, classId: string): Promise<RosterEntry[]> {
  await ownedClass(db, actor, classId);
  const rows = await db
    .selectFrom("class_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.joined_at"])
    .where("m.class_id", "=", classId)
    .orderBy("u.name")
    .orderBy("u.email")
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, joinedAt: r.joined_at }));
}

export async function removeMember(db: Db, actor: SessionUser, classId: string, userId: string): Promise<void> {
  await ownedClass(db, actor, classId);
  const r = await db.deleteFrom("class_members").where("class_id", "=", classId).where("user_id", "=", userId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound("That learner is not in this class, so nothing", "userId");
}

/** A new join code; the old one stops working at once. */
export async function rotateJoinCode(db: Db, actor: SessionUser, classId: string): Promise<string> {
  await ownedClass(db, actor, classId);
  const code = await insertWithFreshCode(async (joinCode) => {
    await db.updateTable("classes").set({ join_code: joinCode }).where("id", "=", classId).where("instructor_id", "=", actor.id).execute();
    return joinCode;
  });
  return formatJoinCode(code);
}

export type ClassPreview = { id: string; name: string; term: string; instructor: string; alreadyMember: boolean };

async function byCode(db: Db, input: string) {
  const code = normalizeJoinCode(input);
  const wrong = new HttpError(404, "wrong_code", "No class has that join code. Check it with your instructor — codes look like ABCD-EFGH.", "code");
  if (!code) throw wrong;
  const row = await db
    .selectFrom("classes as c")
    .innerJoin("users as u", "u.id", "c.instructor_id")
    .select(["c.id", "c.name", "c.term", "c.instructor_id", "u.name as instructor"])
    .where("c.join_code", "=", code)
    .executeTakeFirst();
  if (!row) throw wrong;
  return row;
}

/** What a join link shows before the learner confirms. */
export async function previewJoin(db: Db, actor: SessionUser, input: string): Promise<ClassPreview> {
  const row = await byCode(db, input);
  const member = await db.selectFrom("class_members").select("user_id").where("class_id", "=", row.id).where("user_id", "=", actor.id).executeTakeFirst();
  return { id: row.id, name: row.name, term: row.term, instructor: row.instructor, alreadyMember: member !== undefined };
}

/** Joins the class with this code; joining twice is harmless. */
export async function joinClass(db: Db, actor: SessionUser, input: string): Promise<ClassPreview> {
  if (actor.role !== "learner") throw new HttpError(403, "instructors_cannot_join", "Instructors cannot join classes; sign in with a learner account to join.");
  const row = await byCode(db, input);
  await db
    .insertInto("class_members")
    .values({ class_id: row.id, user_id: actor.id, joined_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(["class_id", "user_id"]).doNothing())
    .execute();
  return { id: row.id, name: row.name, term: row.term, instructor: row.instructor, alreadyMember: true };
}
