// One class: join code and link, assignments (with a form to add one) and the roster.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HttpError } from "@/lib/auth/errors";
import { requirePageUser } from "@/lib/auth/page.server";
import { listAssignments } from "@/lib/classes/assignments.server";
import { catalog } from "@/lib/classes/catalog.server";
import { ownedClass, roster } from "@/lib/classes/classes.server";
import { formatJoinCode } from "@/lib/classes/join-code";
import { AssignForm } from "@/app/_components/teach/assign-form";
import { JoinCodePanel } from "@/app/_components/teach/join-code-panel";
import { LocalTime } from "@/app/_components/teach/local-time";
import { RemoveButton } from "@/app/_components/teach/remove-button";
import styles from "@/app/_components/teach/teach.module.css";

export const metadata: Metadata = { title: "Class" };

const RELEASE = { immediately: "answers at once", after_due: "answers after the due date", never: "answers never shown" } as const;

type Props = { params: Promise<{ classId: string }> };

export default async function ClassPage({ params }: Props) {
  const { classId } = await params;
  const { ctx, user } = await requirePageUser(`/teach/classes/${classId}`);
  const cls = await ownedClass(ctx.db, user, classId).catch((err: unknown) => {
    if (err instanceof HttpError) notFound();
    throw err;
  });
  const [assignments, people, items] = await Promise.all([listAssignments(ctx.db, user, classId), roster(ctx.db, user, classId), catalog()]);
  return (
    <>
      <p>
        <Link href="/teach">← My classes</Link>
      </p>
      <h1>{cls.name}</h1>
      <p className="lede">{cls.term}</p>
      <p className={styles.actions}>
        <Link href={`/teach/classes/${classId}/gradebook`}>Open the gradebook</Link>
      </p>
      <JoinCodePanel classId={classId} joinCode={formatJoinCode(cls.join_code)} />

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Assignments</h2>
        {assignments.length === 0 ? (
          <p className="muted">Nothing assigned yet.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Assignment</th>
                <th scope="col">Opens</th>
                <th scope="col">Due</th>
                <th scope="col">Rules</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={a.href}>{a.title}</Link> <span className="muted">({a.kind})</span>
                  </td>
                  <td>
                    <LocalTime iso={a.openAt} />
                  </td>
                  <td>
                    <LocalTime iso={a.dueAt} />
                  </td>
                  <td>
                    {a.kind === "quiz" && <>{a.maxAttempts === null ? "quiz's attempt limit" : `${a.maxAttempts} attempt${a.maxAttempts === 1 ? "" : "s"}`}, {a.grading} score, {RELEASE[a.answersRelease]}; </>}
                    {a.latePolicy === "closed" ? "no late work" : `late work −${a.latePenaltyPct}%`}
                  </td>
                  <td>
                    <RemoveButton path={`/api/classes/${classId}/assignments/${a.id}`} label="Delete" confirmText={`Delete the assignment “${a.title}”? Learners' attempts are kept.`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className={styles.panel}>
          <AssignForm classId={classId} items={items} />
        </div>
      </section>

      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">Roster ({people.length})</h2>
        {people.length === 0 ? (
          <p className="muted">No learners have joined yet.</p>
        ) : (
          <table className={styles.table} data-testid="roster">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.userId}>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>
                    <LocalTime iso={p.joinedAt} />
                  </td>
                  <td>
                    <RemoveButton path={`/api/classes/${classId}/members/${p.userId}`} label={`Remove`} confirmText={`Remove ${p.name} from ${cls.name}? Their attempts are kept.`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
