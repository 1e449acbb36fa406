// "My assignments": a learner's assignments across their classes, with due dates, status and scores.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page.server";
import { myAssignments } from "@/lib/classes/assignments.server";
import { listJoinedClasses } from "@/lib/classes/classes.server";
import { STATUS_LABEL } from "@/lib/classes/standing";
import { JoinForm } from "@/app/_components/teach/join-form";
import { LocalTime } from "@/app/_components/teach/local-time";
import styles from "@/app/_components/teach/teach.module.css";

export const metadata: Metadata = { title: "My assignments" };

export default async function MyAssignmentsPage() {
  const { ctx, user } = await requirePageUser("/my");
  if (user.role === "instructor") redirect("/teach");
  const [items, classes] = await Promise.all([myAssignments(ctx.db, user), listJoinedClasses(ctx.db, user)]);
  return (
    <>
      <h1>My assignments</h1>
      {classes.length > 0 && (
        <p className="muted">
          Your classes: {classes.map((c) => `${c.name} (${c.term}, ${c.instructor})`).join("; ")}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{classes.length ? "Nothing is assigned to you yet." : "Join a class with the code your instructor gave you to see your assignments here."}</p>
      ) : (
        <table className={styles.table} data-testid="my-assignments">
          <thead>
            <tr>
              <th scope="col">Assignment</th>
              <th scope="col">Class</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.open && !a.closed ? <Link href={a.href}>{a.title}</Link> : a.title}
                  {!a.open && (
                    <span className="muted">
                      {" "}
                      (opens <LocalTime iso={a.openAt} />)
                    </span>
                  )}
                  {a.closed && <span className="muted"> (closed)</span>}
                </td>
                <td>{a.className}</td>
                <td>
                  <LocalTime iso={a.dueAt} />
                </td>
                <td className={a.standing.status === "done" ? styles.status_done : a.standing.status === "late" ? styles.status_late : undefined}>{STATUS_LABEL[a.standing.status]}</td>
                <td className={styles.num}>{a.standing.percent === null ? "—" : `${a.standing.percent}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className={styles.panel}>
        <JoinForm />
      </div>
    </>
  );
}
