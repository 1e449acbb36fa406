// Bundles the fast path for POST /api/quizzes/:id/attempts (lib/quiz/attempt-node.server.ts) into one ES
// module for scripts/server.mjs: esbuild, `@/` paths from tsconfig.json, "server-only" as an empty module,
// native and driver packages left to node_modules. Runs after `next build` (decision 063).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./setup.mjs";

export const fastPathDir = path.join(root, ".next", "fast-path");
export const fastPathFile = path.join(fastPathDir, "attempts.mjs");
const stampFile = path.join(fastPathDir, "BUILD_ID");
const buildIdFile = path.join(root, ".next", "BUILD_ID");

/** True when the bundle exists and was made after the current `next build` (which empties .next). */
export function fastPathIsCurrent() {
  if (!existsSync(fastPathFile) || !existsSync(stampFile) || !existsSync(buildIdFile)) return false;
  return readFileSync(stampFile, "utf8") === readFileSync(buildIdFile, "utf8");
}

/** Writes .next/fast-path/attempts.mjs; throws on a bundling error. */
export async function buildFastPath() {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(root, "lib", "quiz", "attempt-node.server.ts")],
    outfile: fastPathFile,
    absWorkingDir: root,
    tsconfig: path.join(root, "tsconfig.json"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    // Native or heavy drivers, loaded from node_modules as Next loads them (serverExternalPackages).
    external: ["better-sqlite3", "pg", "pg-native"],
    // Bundled CommonJS code may require() Node built-ins; an ES module has no require of its own.
    banner: { js: 'import { createRequire as __fastPathRequire } from "node:module"; const require = __fastPathRequire(import.meta.url);' },
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [
      {
        // The guard matters to Next's client bundles only; on the server it is an empty module.
        name: "server-only",
        setup(b) {
          b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
          b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
        },
      },
    ],
  });
  // esbuild keeps a service process for later calls; a server should not carry it around.
  await esbuild.stop();
  if (existsSync(buildIdFile)) writeFileSync(stampFile, readFileSync(buildIdFile, "utf8"));
}
