// ESLint flat config (Next 16 has no `next lint`). Boundaries from ../shared/STYLE.md are enforced here:
// client components and pure libraries may not import server-only code or the database.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";

const serverOnlyPatterns = [
  { group: ["**/*.server", "**/*.server.ts", "**/*.server.tsx"], message: "Server-only module: not for client or pure code." },
  { group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"], message: "The database is server-only." },
  { group: ["@/lib/auth/*", "**/lib/auth/*"], message: "Auth is server-only." },
];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    files: ["scripts/**/*.mjs", "*.mjs", "*.js", ".ci/**"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", fetch: "readonly", AbortController: "readonly", performance: "readonly", Buffer: "readonly" } },
  },
  {
    // Pure libraries: no server code, no React, no DOM state.
    files: ["lib/math/**", "lib/nn/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...serverOnlyPatterns, { group: ["react", "react-dom", "next", "next/*"], message: "lib/math and lib/nn are pure." }] }] },
  },
  {
    // Client-side components live under app/_components; the server-only ones are named *.server.tsx.
    files: ["app/_components/**/*.tsx", "app/_components/**/*.ts"],
    ignores: ["app/_components/**/*.server.tsx", "app/_components/**/*.server.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: serverOnlyPatterns }] },
  },
);
