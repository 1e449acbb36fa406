// Shared e2e fixtures: every page fails its test on a console error or an uncaught exception, and
// `expectAccessible` runs axe-core (WCAG 2.1 A/AA) on the current page.
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

type ConsoleGuard = {
  /** Errors seen so far. */
  errors: string[];
  /** Tolerates console errors matching `pattern` (e.g. the 404 status a 404 page itself logs). */
  allow: (pattern: RegExp) => void;
};

export const test = base.extend<{ consoleErrors: ConsoleGuard }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
      await use({ errors, allow: (pattern) => allowed.push(pattern) });
      const unexpected = errors.filter((e) => !allowed.some((p) => p.test(e)));
      expect(unexpected, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until React has hydrated an interactive widget (data-ready, set by app/_components/ready-marker.ts)
 * and returns it. Under load a key press on the server-rendered control could otherwise land before React
 * listens, move the native slider, and be lost.
 */
export async function hydrated(widget: Locator): Promise<Locator> {
  await expect(widget).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  return widget;
}

/** Runs axe-core on the page (or a part of it) and fails with a readable list of violations. */
export async function expectAccessible(page: Page, include?: string): Promise<void> {
  // Next streams metadata on dynamic pages and swaps it on router.refresh(): let the <title> land first,
  // so axe judges the page a reader gets rather than a moment mid-update.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, "axe-core violations").toEqual([]);
}
