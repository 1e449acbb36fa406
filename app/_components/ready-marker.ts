"use client";
// data-ready="true" on an interactive widget's root says React has hydrated it: its handlers listen from
// then on. Before that, a key press on a server-rendered slider moves the native control and is then lost,
// so the e2e tests (and anyone scripting the page) wait for the mark. It is written to the element rather
// than kept in state, so marking costs no render; React leaves attributes it does not own alone.
import { useEffect, useRef, type RefObject } from "react";

/** Marks `el` ready. */
export function markReady(el: Element | null): void {
  el?.setAttribute("data-ready", "true");
}

/** A ref for a widget's root element, marked ready once the widget has mounted on the client. */
export function useReadyMarker<T extends Element>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => markReady(ref.current), []);
  return ref;
}
