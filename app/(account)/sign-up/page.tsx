import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/app/_components/auth/auth-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Create an account</h1>
      <p className="muted">Keep your progress and quiz scores across devices, join a class, or create one for your learners.</p>
      <AuthForm mode="sign-up" next={next} />
      <p>
        Already have an account? <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"}>Sign in</Link>.
      </p>
    </>
  );
}
