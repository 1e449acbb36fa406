// Unit tests live beside the code (*.test.ts). "server-only" is aliased to an empty module so server
// code can be tested outside Next; console.error fails a test (see vitest.setup.ts).
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "server-only": r("./lib/testing/empty.ts"),
      "@": r("./"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "app/**/*.test.tsx", "scripts/**/*.test.ts", "content/**/*.test.ts"],
    exclude: ["node_modules", ".next", "e2e"],
    setupFiles: ["./vitest.setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
