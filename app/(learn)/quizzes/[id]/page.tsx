// A quiz on its own page. Dynamic: a returning learner's variant is rendered on the server from their
// cookie (a reload shows the same numbers at once); a first visit loads it from the API, which sets the cookie.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { QuizRunner } from "@/app/_components/quiz/quiz-runner";
import { quizContext } from "@/lib/quiz/context.server";
import { LEARNER_COOKIE, verifyLearnerCookie } from "@/lib/quiz/learner.server";
import { getQuiz } from "@/lib/quiz/registry.server";
import { loadQuizState } from "@/lib/quiz/service.server";
import styles from "./quiz-page.module.css";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const quiz = getQuiz((await params).id);
  return quiz ? { title: quiz.title, description: quiz.description } : {};
}

export default async function QuizPage({ params }: Props) {
  const { id } = await params;
  const quiz = getQuiz(id);
  if (!quiz) notFound();
  const { db, secret, committer } = await quizContext();
  const learnerId = verifyLearnerCookie((await cookies()).get(LEARNER_COOKIE)?.value, secret);
  const initialState = learnerId ? await loadQuizState(db, learnerId, quiz, committer) : null;
  return (
    <article className={styles.page}>
      <header>
        <h1>{quiz.title}</h1>
        <p className="lede">{quiz.description}</p>
      </header>
      <QuizRunner quizId={quiz.id} initialState={initialState} headingLevel={2} />
    </article>
  );
}
