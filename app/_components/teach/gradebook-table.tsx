"use client";
// The gradebook grid, sortable by learner or by any assignment's score (click or Enter on a header).
import { useMemo, useState } from "react";
import styles from "./teach.module.css";

type Status = "not_started" | "in_progress" | "done" | "late";
export type GradebookCellView = { status: Status; percent: number | null; attempts: number };
export type GradebookRowView = { userId: string; name: string; email: string; cells: GradebookCellView[] };

const LABEL: Record<Status, string> = { not_started: "Not started", in_progress: "In progress", done: "Done", late: "Late" };
type Sort = { key: "name" | number; dir: 1 | -1 };

export function GradebookTable({ assignments, rows }: { assignments: { id: string; title: string }[]; rows: GradebookRowView[] }) {
  const [sort, setSort] = useState<Sort>({ key: "name", dir: 1 });
  const sorted = useMemo(() => {
    const byName = (a: GradebookRowView, b: GradebookRowView) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
    return [...rows].sort((a, b) => {
      if (sort.key === "name") return sort.dir * byName(a, b);
      // Blank scores sort last in either direction.
      const x = a.cells[sort.key].percent;
      const y = b.cells[sort.key].percent;
      if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
      return sort.dir * (x - y) || byName(a, b);
    });
  }, [rows, sort]);

  const header = (key: Sort["key"], label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
        <button type="button" className={styles.sortButton} onClick={() => setSort({ key, dir: active ? (-sort.dir as 1 | -1) : key === "name" ? 1 : -1 })}>
          {label} {active ? (sort.dir === 1 ? "▲" : "▼") : ""}
        </button>
      </th>
    );
  };

  if (rows.length === 0) return <p className="muted">No learners yet. Share the join code to fill this table.</p>;
  return (
    <table className={styles.table} data-testid="gradebook">
      <caption className="visually-hidden">Scores by learner and assignment</caption>
      <thead>
        <tr>
          {header("name", "Learner")}
          {assignments.map((a, j) => (
            <th key={a.id} scope="col" aria-sort={sort.key === j ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
              <button type="button" className={styles.sortButton} onClick={() => setSort({ key: j, dir: sort.key === j ? (-sort.dir as 1 | -1) : -1 })}>
                {a.title} {sort.key === j ? (sort.dir === 1 ? "▲" : "▼") : ""}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.userId}>
            <th scope="row">
              {r.name}
              <br />
              <span className="muted">{r.email}</span>
            </th>
            {r.cells.map((c, j) => (
              <td key={assignments[j].id} className={styles.num} data-status={c.status}>
                <span data-testid="score">{c.percent === null ? "—" : `${c.percent}%`}</span>
                <br />
                <span className={c.status === "done" ? styles.status_done : c.status === "late" ? styles.status_late : "muted"}>{LABEL[c.status]}</span>
                {c.attempts > 1 ? <span className="muted"> · {c.attempts} attempts</span> : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
