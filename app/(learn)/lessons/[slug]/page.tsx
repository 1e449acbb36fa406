// A lesson page, generated statically at build time from content/lessons/<slug>/index.mdx.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { preload } from "react-dom";
import katexMain from "katex/dist/fonts/KaTeX_Main-Regular.woff2";
import katexMath from "katex/dist/fonts/KaTeX_Math-Italic.woff2";
import "katex/dist/katex.min.css";
import { getLesson, getLessons } from "@/lib/content/lessons.server";
import { LessonBody } from "@/app/_components/mdx/lesson-body.server";
import { CompleteLesson, CourseProgress } from "@/app/_components/lesson/course-progress";
import { LessonNav, Prerequisites } from "@/app/_components/lesson/lesson-nav";
import { Toc } from "@/app/_components/lesson/toc";
import { getLessonToc } from "@/lib/content/toc";
import styles from "./lesson.module.css";

export const dynamicParams = false;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  const lessons = await getLessons();
  return lessons.map((l) => ({ slug: l.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const lesson = (await getLessons()).find((l) => l.slug === slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  const lesson = await getLesson(slug);
  if (!lesson) notFound();
  const [all, toc] = await Promise.all([getLessons(), getLessonToc(slug)]);
  const ref = (l: { slug: string; title: string }) => ({ slug: l.slug, title: l.title });
  // KaTeX's text and italic fonts are wanted by the first screen of math: fetched with the HTML, they arrive before
  // the first layout instead of forcing a second one (decision 064).
  for (const font of [katexMain, katexMath]) preload(font, { as: "font", type: "font/woff2", crossOrigin: "" });
  return (
    <article className={styles.lesson}>
      <header>
        <CourseProgress lessons={all.map(ref)} current={slug} />
        <h1>{lesson.title}</h1>
        <p className="lede">{lesson.summary}</p>
        <dl className={styles.facts}>
          <div>
            <dt>Time</dt>
            <dd>{lesson.minutes} min</dd>
          </div>
          <div>
            <dt>Before this</dt>
            <dd>
              <Prerequisites lessons={all.filter((l) => lesson.prerequisites.includes(l.slug)).map(ref)} />
            </dd>
          </div>
        </dl>
        <section aria-labelledby="objectives-heading" className={styles.objectives}>
          <h2 id="objectives-heading">You will be able to</h2>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
        <Toc items={toc} />
      </header>
      <div className={styles.body}>
        <LessonBody code={lesson.code} />
      </div>
      <CompleteLesson slug={slug} />
      <LessonNav previous={lesson.previous && ref(lesson.previous)} next={lesson.next && ref(lesson.next)} />
    </article>
  );
}
