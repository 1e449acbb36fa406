// `npm run build` step after `next build`: bundles the production server's fast path (scripts/lib/fast-path.mjs).
import { buildFastPath, fastPathFile } from "./lib/fast-path.mjs";
import { log, root } from "./lib/setup.mjs";
import path from "node:path";

try {
  await buildFastPath();
  log(`Bundled the attempts fast path → ${path.relative(root, fastPathFile)}`);
} catch (error) {
  console.error(`✗ bundling the attempts fast path failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
