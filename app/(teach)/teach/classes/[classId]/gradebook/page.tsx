// The gradebook: scores by learner and assignment (sortable), class averages, and per question the share
// correct and the most-chosen wrong answer — what the class misunderstands. CSV download of the table.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HttpError } from "@/lib/auth/errors";
import { requirePageUser } from "@/lib/auth/page.server";
import { gradebook } from "@/lib/classes/gradebook.server";
import { GradebookTable } from "@/app/_components/teach/gradebook-table";
import { LocalTime } from "@/app/_components/teach/local-time";
import styles from "@/app/_components/teach/teach.module.css";

export const metadata: Metadata = { title: "Gradebook" };

type Props = { params: Promise<{ classId: string }> };

export default async function GradebookPage({ params }: Props) {
  const { classId } = await params;
  const { ctx, user } = await requirePageUser(`/teach/classes/${classId}/gradebook`);
  const g = await gradebook(ctx.db, user, classId).catch((err: unknown) => {
    if (err instanceof HttpError) notFound();
    throw err;
  });
  return (
    <>
      <p>
        <Link href={`/teach/classes/${classId}`}>← {g.className}</Link>
      </p>
      <h1>Gradebook: {g.className}</h1>
      <p className="lede">{g.term}</p>
      <p className={styles.actions}>
        <a href={`/api/classes/${classId}/gradebook/csv`} download>
          Download CSV
        </a>
        <span className="muted">Scores are percentages after any late penalty; the grading method of each assignment picks the attempt.</span>
      </p>
      {g.assignments.length === 0 ? (
        <p className="muted">Nothing assigned yet. <Link href={`/teach/classes/${classId}`}>Assign a quiz or lesson</Link> to see scores here.</p>
      ) : (
        <GradebookTable
          assignments={g.assignments.map((a) => ({ id: a.id, title: a.title }))}
          rows={g.rows.map((r) => ({ userId: r.userId, name: r.name, email: r.email, cells: r.cells.map((c) => ({ status: c.status, percent: c.percent, attempts: c.attempts })) }))}
        />
      )}

      {g.assignments.map((a, j) => {
        const s = g.summaries[j];
        const qs = g.questions[a.id];
        return (
          <section key={a.id} aria-labelledby={`a-${a.id}`} className={styles.panel}>
            <h2 id={`a-${a.id}`}>{a.title}</h2>
            <p>
              Due <LocalTime iso={a.dueAt} />. Completed by {s.completed} of {s.learners}; class average <strong data-testid="average">{s.average === null ? "—" : `${s.average}%`}</strong>.
            </p>
            {qs && (
              <table className={styles.table} data-testid={`questions-${a.targetId}`}>
                <caption className="visually-hidden">Per-question results for {a.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Correct</th>
                    <th scope="col">Most-chosen wrong answer</th>
                  </tr>
                </thead>
                <tbody>
                  {qs.map((q) => (
                    <tr key={q.questionId}>
                      <th scope="row">
                        {q.number}. {q.prompt}
                      </th>
                      <td className={styles.num}>{q.shareCorrect === null ? "—" : `${q.shareCorrect}% (${q.correct}/${q.answered})`}</td>
                      <td>
                        {q.topWrong ? (
                          <span className={styles.misconception}>
                            {q.topWrong.answer} <span className="muted">— {q.topWrong.count} of {q.answered} ({q.topWrong.share}%)</span>
                          </span>
                        ) : (
                          <span className="muted">{q.answered ? "none" : "no answers yet"}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}
