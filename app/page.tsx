// Home: what the course is, and its lessons in order with their summaries.
import Link from "next/link";
import { getLessons } from "@/lib/content/lessons.server";
import styles from "./home.module.css";

export default async function HomePage() {
  const lessons = await getLessons();
  const totalMinutes = lessons.reduce((sum, l) => sum + l.minutes, 0);
  return (
    <>
      <h1>Is ReLU linear?</h1>
      <p className="lede">
        A short course on the activation functions inside neural networks — linear, sigmoid, ReLU and Leaky ReLU — with
        live calculators, plots you can drag, a network you can train in the browser, and graded quizzes. No, ReLU is not
        linear; by the end you will be able to prove it, and say exactly what it is instead.
      </p>
      <section aria-labelledby="lessons" className={styles.lessons}>
        <h2 id="lessons">
          Lessons <span className={styles.meta}>({lessons.length} lessons, about {totalMinutes} minutes)</span>
        </h2>
        {lessons.length === 0 ? (
          <p>No lessons are published yet.</p>
        ) : (
          <ol className={styles.list}>
            {lessons.map((lesson) => (
              <li key={lesson.slug} className={styles.item}>
                <Link href={`/lessons/${lesson.slug}`} className={styles.link}>
                  {lesson.title}
                </Link>
                <p className={styles.summary}>{lesson.summary}</p>
                <p className={styles.meta}>{lesson.minutes} min</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
