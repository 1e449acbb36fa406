// Stand-in for the "server-only" package under Vitest: the guard matters in the Next bundle only.
export {};
