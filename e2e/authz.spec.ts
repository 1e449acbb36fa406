// Authorization through the real server and browser: learners, other instructors and anonymous visitors
// cannot reach a class's pages, roster, code or grades; cross-site requests change nothing. (The full
// route × role matrix runs in Vitest on SQLite and Postgres: lib/classes/authz.test.ts.)
import type { Page } from "@playwright/test";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

const DEMO = { instructor: "instructor@example.com", learner: "ada@example.com", password: "relu-is-not-linear" };

async function signIn(page: Page, email: string, password = DEMO.password) {
  await page.goto("/sign-in");
  await hydrated(page.getByTestId("auth-form"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function demoClassId(page: Page): Promise<{ id: string; joinCode: string }> {
  const res = await page.request.get("/api/classes");
  return ((await res.json()).classes as { id: string; name: string; joinCode: string }[]).find((c) => c.name === "Neural Networks 101")!;
}

test("only the class's instructor reaches its pages and data", async ({ page, browser, consoleErrors }) => {
  consoleErrors.allow(/status of 40[134]/);
  await signIn(page, DEMO.instructor);
  const demo = await demoClassId(page);
  await page.goto(`/teach/classes/${demo.id}`);
  await expect(page.getByTestId("roster")).toContainText("Ada Learner");
  await expectAccessible(page);

  // A learner of that very class: no teaching pages, no roster, no grades, no code.
  const learner = await browser.newContext();
  const lp = await learner.newPage();
  await signIn(lp, DEMO.learner);
  await lp.goto("/teach");
  await expect(lp.getByText("This page is for instructors")).toBeVisible();
  const notFound = await lp.goto(`/teach/classes/${demo.id}`);
  expect(notFound?.status()).toBe(404);
  for (const path of [`/api/classes/${demo.id}`, `/api/classes/${demo.id}/gradebook`, `/api/classes/${demo.id}/gradebook/csv`]) {
    expect([path, (await lp.request.get(path)).status()]).toEqual([path, 403]);
  }
  expect(JSON.stringify(await (await lp.request.get("/api/classes")).json())).not.toContain(demo.joinCode);
  await learner.close();

  // Another instructor: the class does not exist for them.
  const other = await browser.newContext();
  const op = await other.newPage();
  await op.goto("/sign-up");
  await hydrated(op.getByTestId("auth-form"));
  await op.getByLabel("Name").fill("Yuri Other");
  await op.getByLabel("Email").fill(`yuri-${Date.now().toString(36)}@example.com`);
  await op.getByLabel("Password").fill("correct horse battery");
  await op.getByRole("radio", { name: /an instructor/ }).check();
  await op.getByRole("button", { name: "Create account" }).click();
  await expect(op).toHaveURL(/\/teach$/);
  expect((await op.goto(`/teach/classes/${demo.id}/gradebook`))?.status()).toBe(404);
  for (const path of [`/api/classes/${demo.id}`, `/api/classes/${demo.id}/gradebook/csv`, `/api/classes/${demo.id}/assignments`]) {
    expect([path, (await op.request.get(path)).status()]).toEqual([path, 404]);
  }
  await other.close();

  // Anonymous: sent to sign in; the API answers 401.
  const anon = await browser.newContext();
  const ap = await anon.newPage();
  await ap.goto(`/teach/classes/${demo.id}/gradebook`);
  await expect(ap).toHaveURL(/\/sign-in\?next=/);
  expect((await ap.request.get(`/api/classes/${demo.id}/gradebook`)).status()).toBe(401);
  await anon.close();
});

test("a cross-site request with the instructor's cookies changes nothing", async ({ page }) => {
  await signIn(page, DEMO.instructor);
  const demo = await demoClassId(page);
  const evil = { origin: "https://evil.example" };
  expect((await page.request.post(`/api/classes/${demo.id}/code`, { headers: evil })).status()).toBe(403);
  expect((await page.request.post("/api/classes", { headers: evil, data: { name: "csrf", term: "x" } })).status()).toBe(403);
  expect((await page.request.post("/api/auth/sign-out", { headers: evil, data: {} })).status()).toBe(403);
  expect((await demoClassId(page)).joinCode).toBe(demo.joinCode);
  expect(((await (await page.request.get("/api/classes")).json()).classes as { name: string }[]).map((c) => c.name)).not.toContain("csrf");
});

test.describe("before scripts run", () => {
  test.use({ javaScriptEnabled: false });

  test("a sign-in submitted before React listens posts, and the password stays out of the address", async ({ page }) => {
    await page.goto("/sign-in");
    // Playwright's text selectors skip <noscript>; with scripts off its content is real markup, read it directly.
    await expect(page.locator("form noscript p")).toHaveText("Signing in needs JavaScript. Turn it on, then reload this page.");
    await page.getByLabel("Email").fill(DEMO.learner);
    await page.getByLabel("Password").fill(DEMO.password);
    const [request] = await Promise.all([page.waitForRequest((r) => r.isNavigationRequest() && r.frame() === page.mainFrame()), page.getByRole("button", { name: "Sign in" }).click()]);
    expect(request.method()).toBe("POST");
    expect(request.url()).not.toContain(DEMO.password.slice(0, 8));
    await page.waitForLoadState();
    expect(page.url()).not.toMatch(/password|relu-is-not/);
  });
});
