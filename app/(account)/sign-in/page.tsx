import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/app/_components/auth/auth-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Your quiz attempts on this device move into your account when you sign in.</p>
      <AuthForm mode="sign-in" next={next} />
      <p>
        New here? <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"}>Create an account</Link>.
      </p>
    </>
  );
}
