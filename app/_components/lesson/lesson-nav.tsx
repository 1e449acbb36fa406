// Previous / next lesson links at the end of a lesson (server-rendered; plain links, no JavaScript needed).
import Link from "next/link";
import styles from "./lesson-chrome.module.css";

type LessonRef = { slug: string; title: string };

export function LessonNav({ previous, next }: { previous: LessonRef | null; next: LessonRef | null }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Lessons" className={styles.nav}>
      {previous ? (
        <Link href={`/lessons/${previous.slug}`} prefetch={false} rel="prev" className={styles.navLink} data-testid="prev-lesson">
          <span className={styles.navHint}>← Previous</span>
          <span>{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/lessons/${next.slug}`} prefetch={false} rel="next" className={`${styles.navLink} ${styles.navNext}`} data-testid="next-lesson">
          <span className={styles.navHint}>Next →</span>
          <span>{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}

export function Prerequisites({ lessons }: { lessons: LessonRef[] }) {
  if (lessons.length === 0) return <span>None — start here</span>;
  return (
    <span>
      {lessons.map((l, i) => (
        <span key={l.slug}>
          {i > 0 ? ", " : null}
          <Link href={`/lessons/${l.slug}`} prefetch={false}>
            {l.title}
          </Link>
        </span>
      ))}
    </span>
  );
}
