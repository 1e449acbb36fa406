"use client";
// A date shown in the reader's own time zone. The server renders UTC; the browser swaps in local time.
import { useEffect, useState } from "react";

const utc = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC";
const local = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export function LocalTime({ iso }: { iso: string }) {
  const [shown, setShown] = useState(() => utc(iso));
  useEffect(() => setShown(local(iso)), [iso]);
  return <time dateTime={iso}>{shown}</time>;
}
