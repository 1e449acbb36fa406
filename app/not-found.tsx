// 404: says what happened and offers the way back to the lessons.
import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
      <p>
        <Link href="/#lessons">See all lessons</Link>
      </p>
    </>
  );
}
