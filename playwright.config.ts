// e2e tests run against the production build (`next build` first) in Debian's Chromium or Playwright's own.
// E2E_PORT lets several engineers run suites side by side; CHROMIUM_PATH is set by scripts/test.mjs.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_REPORT
    ? [["list"], ["json", { outputFile: process.env.PW_JSON_REPORT }]]
    : [["list"]],
  use: {
    baseURL,
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, grepInvert: /@alone/ },
    // Tests tagged @alone measure the page's responsiveness in wall-clock time. On two cores a parallel
    // worker's axe scan or load test takes the CPU they measure, so they run after everything else, by
    // themselves (docs/decisions/074).
    { name: "alone", use: { ...devices["Desktop Chrome"] }, grep: /@alone/, dependencies: ["chromium"] },
  ],
  webServer: {
    command: `node scripts/serve-e2e.mjs ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
