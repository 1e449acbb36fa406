// A class's join link: shows which class the code opens, then joins on one click.
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { appContext } from "@/lib/auth/context.server";
import { HttpError } from "@/lib/auth/errors";
import { sessionUser } from "@/lib/auth/http.server";
import { previewJoin } from "@/lib/classes/classes.server";
import { JoinForm } from "@/app/_components/teach/join-form";

export const metadata: Metadata = { title: "Join a class" };

type Props = { params: Promise<{ code: string }> };

export default async function JoinPage({ params }: Props) {
  const { code } = await params;
  const here = `/join/${encodeURIComponent(code)}`;
  const ctx = await appContext();
  const user = await sessionUser(ctx, await headers());
  if (!user) {
    return (
      <>
        <h1>Join a class</h1>
        <p>
          To join, <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>create a learner account</Link> or{" "}
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>sign in</Link>. You will come back here.
        </p>
      </>
    );
  }
  const preview = await previewJoin(ctx.db, user, code).catch((err: unknown) => {
    if (err instanceof HttpError) return err;
    throw err;
  });
  if (preview instanceof HttpError) {
    return (
      <>
        <h1>Join a class</h1>
        <p role="alert">{preview.message}</p>
        <p>
          <Link href="/my">Enter a code on My assignments</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Join {preview.name}</h1>
      <p className="lede">
        {preview.term} · taught by {preview.instructor}
      </p>
      {preview.alreadyMember ? (
        <p>
          You are in this class. <Link href="/my">See your assignments</Link>.
        </p>
      ) : user.role === "instructor" ? (
        <p>Instructors cannot join classes; sign in with a learner account to join.</p>
      ) : (
        <JoinForm initialCode={code} compact />
      )}
    </>
  );
}
