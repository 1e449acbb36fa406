// The classes journey in a real browser: an instructor signs up, creates a class and assigns "Is ReLU
// linear?" with a due date; two learners join (by code and by link) and take it; the gradebook shows both
// scores and the per-question misconception; the CSV matches the page; answers stay hidden until the due
// date. Names containing HTML render as text. Every page is checked with axe.
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { parseCsv } from "../lib/classes/csv";
import { expect, expectAccessible, hydrated, test } from "./fixtures";

const run = Date.now().toString(36);
const PASSWORD = "correct horse battery";
const CLASS_NAME = `<script>alert("x")</script> Activations ${run}`;

async function signUp(page: Page, name: string, email: string, role: "learner" | "instructor", next?: string) {
  await page.goto(next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up");
  await hydrated(page.getByTestId("auth-form"));
  await expectAccessible(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("radio", { name: role === "instructor" ? /an instructor/ : /a learner/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Our alerts (Next's route announcer also has role=alert). */
const alert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

/** Answers every question: the given option for irl-definition, otherwise the first (or last) option and "1" in fields. */
async function takeQuiz(page: Page, pick: "first" | "last") {
  await page.goto("/quizzes/is-relu-linear");
  await expect(page.locator('fieldset[data-question="irl-definition"]')).toBeVisible();
  await page.locator('fieldset[data-question="irl-definition"]').getByRole("radio", { name: /Its graph is made of straight-line pieces/ }).check();
  const groups = await page.locator("fieldset[data-question] input[type=radio]").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of groups) {
    const radios = page.locator(`input[type=radio][name="${name}"]`);
    if (await radios.evaluateAll((els) => els.some((e) => (e as HTMLInputElement).checked))) continue;
    await (pick === "first" ? radios.first() : radios.last()).check();
  }
  const boxes = page.locator("fieldset[data-question] input[type=checkbox]");
  if ((await boxes.count()) > 0) await (pick === "first" ? boxes.first() : boxes.last()).check();
  for (const field of await page.locator("fieldset[data-question] input[type=text], fieldset[data-question] input:not([type])").all()) await field.fill("1");
  await expect(page.getByText("14 of 14 answered")).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  const score = await page.getByTestId("quiz-score").innerText();
  return Number(/\(([\d.]+)%\)/.exec(score)![1]);
}

/** Another browser (its own cookies) whose console errors are collected like the fixture's page. */
async function newPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

test("instructor assigns “Is ReLU linear?”; two learners take it; gradebook, analytics and CSV agree; answers wait for the due date", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  // Instructor: sign up, create a class, assign the quiz due in two days (answers after the due date).
  await signUp(page, "Prof <b>Bold</b>", `prof-${run}@example.com`, "instructor");
  await expect(page).toHaveURL(/\/teach$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByText("Prof <b>Bold</b>")).toBeVisible();
  await expectAccessible(page);
  await hydrated(page.getByTestId("create-class-form"));
  await page.getByLabel("Class name").fill(CLASS_NAME);
  await page.getByLabel("Term").fill("Spring <i>2027</i>");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: CLASS_NAME })).toBeVisible();
  expect(await page.locator("script", { hasText: 'alert("x")' }).count()).toBe(0);
  const code = (await page.getByTestId("join-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await hydrated(page.getByTestId("assign-form"));
  await page.getByLabel("Quiz or lesson", { exact: true }).selectOption("quiz:is-relu-linear");
  const due = new Date(Date.now() + 2 * 86_400_000);
  const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel("Due").fill(local);
  await expect(page.getByLabel("Show answers and explanations")).toHaveValue("after_due");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned “Is ReLU linear?”." })).toBeVisible();
  await expect(page.locator("main").getByRole("link", { name: "Is ReLU linear?" })).toBeVisible();
  await expectAccessible(page);
  const classUrl = page.url();

  // Learner 1 joins with the code (a wrong code first: a clear message, nothing joined).
  const l1 = await newPage(browser);
  await signUp(l1.page, "Lea <i>One</i>", `lea-${run}@example.com`, "learner");
  await expect(l1.page).toHaveURL(/\/my$/);
  await hydrated(l1.page.getByTestId("join-form"));
  await l1.page.getByLabel("Join code").fill("WRNG-CODE");
  await l1.page.getByRole("button", { name: "Join" }).click();
  await expect(alert(l1.page)).toContainText("No class has that join code");
  await l1.page.getByLabel("Join code").fill(code.toLowerCase());
  await l1.page.getByRole("button", { name: "Join" }).click();
  await expect(l1.page.getByTestId("my-assignments")).toContainText("Is ReLU linear?");
  await expect(l1.page.getByTestId("my-assignments")).toContainText("Not started");
  await expectAccessible(l1.page);
  const score1 = await takeQuiz(l1.page, "first");
  // Answers and explanations are held back until the due date.
  const definition = l1.page.locator('li[data-question="irl-definition"]');
  await expect(definition).toHaveAttribute("data-status", "incorrect");
  await expect(l1.page.getByTestId("answers-hidden")).toContainText("after the due date");
  await expect(definition).not.toContainText("additivity f(a + b) = f(a) + f(b) and homogeneity");
  await expect(l1.page.locator("main")).not.toContainText("One failing pair of inputs is enough");
  await expectAccessible(l1.page);

  // Learner 2 joins with the link, signing up on the way.
  const l2 = await newPage(browser);
  await l2.page.goto(`/join/${code}`);
  await expectAccessible(l2.page);
  await l2.page.getByRole("link", { name: "create a learner account" }).click();
  await l2.page.getByLabel("Name").fill("Max Two");
  await l2.page.getByLabel("Email").fill(`max-${run}@example.com`);
  await l2.page.getByLabel("Password").fill(PASSWORD);
  await l2.page.getByRole("button", { name: "Create account" }).click();
  await expect(l2.page.getByRole("heading", { level: 1, name: `Join ${CLASS_NAME}` })).toBeVisible();
  await hydrated(l2.page.getByTestId("join-form"));
  await l2.page.getByRole("button", { name: "Join this class" }).click();
  await expect(l2.page).toHaveURL(/\/my$/);
  const score2 = await takeQuiz(l2.page, "last");
  await l2.page.goto("/my");
  await expect(l2.page.getByTestId("my-assignments")).toContainText("Done");
  await expect(l2.page.getByTestId("my-assignments")).toContainText(`${score2}%`);
  await expectAccessible(l2.page);

  // Gradebook: both scores, and the misconception both learners share.
  await page.goto(`${classUrl}/gradebook`);
  const grid = page.getByTestId("gradebook");
  await expect(grid.getByRole("row", { name: /Lea <i>One<\/i>/ })).toContainText(`${score1}%`);
  await expect(grid.getByRole("row", { name: /Max Two/ })).toContainText(`${score2}%`);
  const questions = page.getByTestId("questions-is-relu-linear");
  const def = questions.getByRole("row", { name: /Which condition defines a linear function/ });
  await expect(def).toContainText("0% (0/2)");
  await expect(def).toContainText("Its graph is made of straight-line pieces — 2 of 2 (100%)");
  await expectAccessible(page);

  // Sorting by the quiz score puts the higher score first.
  await grid.getByRole("button", { name: /Is ReLU linear\?/ }).click();
  await expect(grid.getByRole("columnheader", { name: /Is ReLU linear\?/ })).toHaveAttribute("aria-sort", "descending");
  const firstName = await grid.locator("tbody tr").first().locator("th").innerText();
  expect(firstName).toContain(score1 >= score2 ? "Lea" : "Max");

  // The CSV download matches the page, cell for cell.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const file = info.outputPath("gradebook.csv");
  await download.saveAs(file);
  const csv = parseCsv((await import("node:fs")).readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  expect(csv[0]).toEqual(["Learner", "Email", "Is ReLU linear? score (%)", "Is ReLU linear? status"]);
  const rows = Object.fromEntries(csv.slice(1).map((r) => [r[0], r.slice(1)]));
  expect(rows["Lea <i>One</i>"]).toEqual([`lea-${run}@example.com`, String(score1), "Done"]);
  expect(rows["Max Two"]).toEqual([`max-${run}@example.com`, String(score2), "Done"]);

  // Once the due date has passed, the same attempt shows its answers and explanations.
  const hidden = await (await l1.page.request.get("/api/quizzes/is-relu-linear/attempts")).json();
  expect(hidden.attempts[0].questions[0].explanation).toBe("");
  const port = new URL(page.url()).port;
  const db = new Database(path.join(process.cwd(), "data", `e2e-${port}.sqlite`));
  db.prepare("update assignments set due_at = ? where target_id = 'is-relu-linear' and class_id in (select id from classes where name = ?)").run(new Date(Date.now() - 60_000).toISOString(), CLASS_NAME);
  db.close();
  const shown = await (await l1.page.request.get("/api/quizzes/is-relu-linear/attempts")).json();
  expect(shown.attempts[0].questions[0].explanation).toContain("One failing pair of inputs is enough");
  // And the closed assignment takes no more attempts.
  const state = await (await l1.page.request.get("/api/quizzes/is-relu-linear")).json();
  const refused = await l1.page.request.post("/api/quizzes/is-relu-linear/attempts", {
    data: { variantId: state.variant.variantId, answers: {} },
    headers: { "Idempotency-Key": `late-${run}`, origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/closed .*late work is not accepted/);
  // The wrong join code is refused with a 404, which the browser logs; nothing else may be.
  expect(l1.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  expect(l2.errors).toEqual([]);
  await l1.context.close();
  await l2.context.close();
});

test("bad input: a malformed date and a past due date are refused with a message; nothing is stored", async ({ page, consoleErrors }) => {
  // The refused request is logged by the browser as a failed resource load; that is the point here.
  consoleErrors.allow(/status of 400/);
  await signUp(page, "Ines Instructor", `ines-${run}@example.com`, "instructor");
  await expect(page).toHaveURL(/\/teach$/);
  await hydrated(page.getByTestId("create-class-form"));
  await page.getByLabel("Class name").fill(`Bad input ${run}`);
  await page.getByLabel("Term").fill("Now");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByTestId("join-code")).toBeVisible();
  await hydrated(page.getByTestId("assign-form"));
  await page.getByLabel("Quiz or lesson", { exact: true }).selectOption("lesson:relu");
  await page.getByLabel("Due").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(alert(page)).toContainText("The due date has already passed");
  await expect(page.getByLabel("Due")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Nothing assigned yet.")).toBeVisible();
  const res = await page.request.post(page.url().replace(/\/teach\/classes\//, "/api/classes/") + "/assignments", {
    data: { kind: "lesson", targetId: "relu", dueAt: "31/12/2030" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ field: "dueAt", message: expect.stringContaining("must be a date and time") });
  await page.reload();
  await expect(page.getByText("Nothing assigned yet.")).toBeVisible();
  await expectAccessible(page);
});

test("signed out, teaching pages send you to sign in; the demo instructor sees a filled gradebook", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 401/);
  await page.goto("/teach");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fteach$/);
  await hydrated(page.getByTestId("auth-form"));
  await expectAccessible(page);
  await page.getByLabel("Email").fill("instructor@example.com");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert(page)).toContainText(/invalid email or password/i);
  // By keyboard: the fields in order, Enter submits.
  await page.getByLabel("Email").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("relu-is-not-linear");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/teach$/);
  await page.getByRole("link", { name: "Gradebook" }).first().click();
  const grid = page.getByTestId("gradebook");
  await grid.getByRole("button", { name: /Is ReLU linear\?/ }).focus();
  await page.keyboard.press("Enter");
  await expect(grid.getByRole("columnheader", { name: /Is ReLU linear\?/ })).toHaveAttribute("aria-sort", "descending");
  await expect(grid.locator("tbody tr").first()).toContainText("Ada Learner");
  await page.keyboard.press("Enter");
  await expect(grid.getByRole("columnheader", { name: /Is ReLU linear\?/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(grid.locator("tbody tr").first()).toContainText("Ben Learner");
  await expect(page.getByTestId("gradebook")).toContainText("Ada Learner");
  await expect(page.getByTestId("gradebook")).toContainText("Ben Learner");
  await expect(page.getByTestId("questions-is-relu-linear")).toContainText("Its graph is made of straight-line pieces");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("lesson progress follows the learner's account to another browser and completes the lesson assignment", async ({ page, browser }) => {
  const signInAs = async (p: Page, email: string) => {
    await p.goto("/sign-in?next=/lessons/relu");
    await hydrated(p.getByTestId("auth-form"));
    await p.getByLabel("Email").fill(email);
    await p.getByLabel("Password").fill("relu-is-not-linear");
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p).toHaveURL(/\/lessons\/relu$/);
  };
  await signInAs(page, "ben@example.com");
  // Hydrated before clicking: the server HTML already shows the button, but a click before React attaches its
  // handler does nothing (the page records the visit on mount, so a visited count above 0 means it has).
  await expect(page.getByTestId("progress-visited")).not.toHaveText("0");
  const complete = page.getByTestId("complete-lesson");
  await expect(complete).toHaveAttribute("aria-pressed", "false");
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/progress") && r.request().method() === "PUT" && r.request().postData()?.includes('"relu":{"completedAt":"') === true);
  await complete.click();
  expect((await saved).status()).toBe(200);

  const other = await newPage(browser);
  await signInAs(other.page, "ben@example.com");
  await expect(other.page.getByTestId("complete-lesson")).toHaveAttribute("aria-pressed", "true");
  await expect(other.page.getByTestId("progress-completed")).toHaveText("1");
  await other.page.goto("/my");
  await expect(other.page.getByTestId("my-assignments").getByRole("row", { name: /ReLU/ }).filter({ hasNotText: "Is ReLU linear?" })).toContainText("Done");
  await expectAccessible(other.page);
  expect(other.errors).toEqual([]);
  await other.context.close();
});

test("roster and code: the instructor removes a learner and makes a new code; the old code stops working", async ({ page, browser }) => {
  page.on("dialog", (d) => void d.accept());
  await signUp(page, "Rosa Roster", `rosa-${run}@example.com`, "instructor");
  await expect(page).toHaveURL(/\/teach$/);
  await hydrated(page.getByTestId("create-class-form"));
  await page.getByLabel("Class name").fill(`Roster ${run}`);
  await page.getByLabel("Term").fill("Summer");
  await page.getByRole("button", { name: "Create class" }).click();
  const oldCode = (await page.getByTestId("join-code").innerText()).trim();

  const learner = await newPage(browser);
  await signUp(learner.page, "Theo Temp", `theo-${run}@example.com`, "learner", `/join/${oldCode}`);
  await hydrated(learner.page.getByTestId("join-form"));
  await learner.page.getByRole("button", { name: "Join this class" }).click();
  await expect(learner.page).toHaveURL(/\/my$/);

  await page.reload();
  const roster = page.getByTestId("roster");
  await expect(roster).toContainText("Theo Temp");
  const remove = await hydrated(roster.getByRole("row", { name: /Theo Temp/ }).getByRole("button", { name: "Remove" }));
  await remove.click();
  await expect(page.getByText("No learners have joined yet.")).toBeVisible();
  await page.getByRole("button", { name: "Make a new code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "New code made" })).toBeVisible();
  const newCode = (await page.getByTestId("join-code").innerText()).trim();
  expect(newCode).not.toBe(oldCode);
  await expectAccessible(page);

  await learner.page.goto(`/join/${oldCode}`);
  await expect(alert(learner.page)).toContainText("No class has that join code");
  await learner.page.goto(`/join/${newCode}`);
  await expect(learner.page.getByRole("button", { name: "Join this class" })).toBeVisible();
  expect(learner.errors).toEqual([]);
  await learner.context.close();
});
