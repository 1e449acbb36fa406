// The foundation journey: home → the ReLU lesson → KaTeX math → the live calculator, with axe on each page.
import { test, expect, expectAccessible, hydrated } from "./fixtures";
import { relu, reluDerivative } from "../lib/math/activations";
import { formatNumber } from "../lib/math/format";

test("home page presents the course and lists the ReLU lesson", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Is ReLU linear?" })).toBeVisible();
  const lessons = page.getByRole("region", { name: /Lessons/ }).getByRole("listitem");
  await expect(lessons.filter({ hasText: "ReLU" }).first()).toBeVisible();
  await expectAccessible(page);
});

test("the ReLU lesson renders its math with KaTeX on the server", async ({ page }) => {
  await page.goto("/lessons/relu");
  await expect(page.getByRole("heading", { level: 1, name: "ReLU" })).toBeVisible();
  // Server-rendered KaTeX: HTML plus MathML for screen readers, and no KaTeX script shipped.
  await expect(page.locator(".katex").first()).toBeVisible();
  await expect(page.locator(".katex math").first()).toBeAttached();
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => e.getAttribute("src") ?? ""));
  expect(scripts.filter((s) => /katex/i.test(s))).toEqual([]);
  await expectAccessible(page);
});

test("typing into the ReLU calculator updates f(x) and f′(x) live", async ({ page }) => {
  await page.goto("/lessons/relu");
  const calculator = await hydrated(page.getByRole("region", { name: /ReLU calculator/ }).first());
  const input = calculator.getByRole("textbox", { name: "x", exact: true });
  for (const x of [-3, 2.5]) {
    await input.fill(String(x));
    await expect(calculator.getByTestId("fx")).toContainText(formatNumber(relu(x)));
    await expect(calculator.getByTestId("dfx")).toContainText(formatNumber(reluDerivative(x)));
  }
  await input.fill("abc");
  await expect(calculator.getByRole("alert")).toContainText("Enter a number");
});

test("an unknown address gets the 404 page", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/);
  const response = await page.goto("/lessons/no-such-lesson");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
