"use client";
// The playground in its own chunk (lib/nn, the controls, the worker glue): only lessons that render a
// playground download it. Server rendering stays on, so the first HTML is complete (see lesson/lazy-client).
import dynamic from "next/dynamic";

export const Playground = dynamic(() => import("./playground").then((m) => m.Playground));
