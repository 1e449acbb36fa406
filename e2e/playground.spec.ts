// The feature-plane playground inside the "Is ReLU linear?" lesson: its presets train in a worker, the
// figures appear and change, a link reproduces the configuration, the page stays responsive while
// training, it works by keyboard, and axe passes.
import { test, expect, expectAccessible } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

const LESSON = "/lessons/is-relu-linear";

// Matches only once hydrated (data-ready): under load a click on the server-rendered controls could
// otherwise land before React listens, and the test would wait for a change that never comes.
const playground = (page: Page, preset: string) => page.locator(`[data-testid="playground"][data-preset="${preset}"][data-ready="true"]`);
const num = async (pg: Locator, id: string) => Number(await pg.getByTestId(id).textContent());

/** Waits until the playground's epoch passes `epochs`. */
async function trainUntil(pg: Locator, epochs: number) {
  await expect.poll(() => num(pg, "epoch"), { timeout: 30_000 }).toBeGreaterThan(epochs);
}

test("the lesson shows three playgrounds with complete figures before any training, and axe passes", async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByRole("heading", { level: 2, name: "Try it: the feature-plane playground" })).toBeVisible();
  for (const preset of ["linear-circle", "relu-circle", "regions-growth"]) {
    const pg = playground(page, preset);
    await expect(pg).toBeVisible();
    await expect(pg.getByTestId("epoch")).toHaveText("0");
    const acc = await num(pg, "accuracy");
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(acc).toBeLessThanOrEqual(1);
    expect(await num(pg, "loss")).toBeGreaterThan(0);
    expect(await num(pg, "regions")).toBeGreaterThanOrEqual(1);
    // 400 data points are drawn over the map: one subpath per point, a path per class.
    for (const path of await pg.locator('[data-testid="decision-map"] svg path').all()) {
      expect((await path.getAttribute("d"))?.match(/M/g)?.length).toBe(200);
    }
    await expect(pg.locator('[data-testid="decision-map"] svg path')).toHaveCount(2);
  }
  await expect(playground(page, "linear-circle").getByTestId("regions")).toHaveText("1");
  await expectAccessible(page);
});

/** How many of the canvas's pixels have been painted (a blank canvas is fully transparent). */
const paintedPixels = (pg: Locator) =>
  pg.locator("canvas").evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });

test("a playground's worker draws its map once the playground nears the viewport, not during the page load", async ({ page }) => {
  // A phone-sized window: the playgrounds start far below the first screen.
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto(LESSON);
  const pg = playground(page, "regions-growth");
  await expect(pg).toHaveCount(1);
  // Hydrated, far from the viewport: no worker yet, so no map (the server's figures are shown).
  await page.waitForTimeout(500);
  expect(await paintedPixels(pg)).toBe(0);
  await pg.scrollIntoViewIfNeeded();
  await expect.poll(() => paintedPixels(pg)).toBe(100 * 100);
  await expect(pg.getByTestId("stats")).not.toHaveAttribute("aria-busy", "true");
  await expect(pg.getByTestId("epoch")).toHaveText("0");
});

test("the server-rendered page already carries the figures (no JavaScript needed to read them)", async ({ request }) => {
  const html = await (await request.get(LESSON)).text();
  expect(html).toContain('data-preset="relu-circle"');
  expect(html).toMatch(/data-testid="accuracy">0\.\d+</);
  expect(html).toMatch(/data-testid="regions">\d+</);
});

test("a ReLU network learns the circle while a linear one stays near chance with one region", async ({ page }) => {
  await page.goto(LESSON);
  const relu = playground(page, "relu-circle");
  const loss0 = await num(relu, "loss");
  const regions0 = await relu.getByTestId("regions").textContent();
  await relu.getByRole("button", { name: "Play" }).click();
  await expect(relu.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect.poll(() => num(relu, "accuracy"), { timeout: 30_000 }).toBeGreaterThanOrEqual(0.95);
  await relu.getByRole("button", { name: "Pause" }).click();
  expect(await num(relu, "loss")).toBeLessThan(loss0);
  expect(await relu.getByTestId("regions").textContent()).not.toBe(regions0);
  // Dead units are counted and each is marked in its layer (a crossed box, described in text).
  const marked = await relu.locator("[data-dead]").evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute("data-dead")), 0));
  expect(marked).toBe(await num(relu, "dead"));
  await expect(relu.getByRole("img", { name: /Layer 1: 8 units, (no dead units|dead: units? [\d, ]+)/ })).toBeVisible();
  // The pause is announced with the figures.
  await expect(relu.getByTestId("announcer")).toContainText(/accuracy 0\.9\d*|accuracy 1/);
  await expect(relu.getByTestId("announcer")).toContainText("linear regions");
  // The loss chart has a line and says how far training went.
  await expect(relu.locator("polyline")).toHaveCount(1);
  await expect(relu.getByTestId("loss-chart")).toHaveAttribute("aria-label", /Training loss over \d+ epochs/);
  // The canvas was painted with both colours.
  const colours = await relu.locator("canvas").evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] > d[i + 2] + 60) orange++;
      if (d[i + 2] > d[i] + 60) blue++;
    }
    return { orange, blue };
  });
  expect(colours.orange).toBeGreaterThan(500);
  expect(colours.blue).toBeGreaterThan(500);

  const linear = playground(page, "linear-circle");
  await linear.getByLabel("Speed").selectOption("60");
  await linear.getByRole("button", { name: "Play" }).click();
  await trainUntil(linear, 60);
  await linear.getByRole("button", { name: "Pause" }).click();
  // The best straight line on this data cuts off a cap of the ring (≈ 0.65); training stays below that.
  expect(await num(linear, "accuracy")).toBeLessThanOrEqual(0.7);
  await expect(linear.getByTestId("regions")).toHaveText("1");
});

test("linear regions grow with units and layers; curved activations make the count undefined", async ({ page }) => {
  await page.goto(LESSON);
  const pg = playground(page, "regions-growth");
  const start = await num(pg, "regions");
  expect(start).toBeLessThanOrEqual(4);
  for (let i = 0; i < 6; i++) await pg.getByRole("button", { name: "More units in layer 1" }).click();
  await expect(pg.getByText("8 units")).toBeVisible();
  // The worker recomputes the figures after each change: wait for them.
  await expect.poll(() => num(pg, "regions")).toBeGreaterThan(start);
  const wide = await num(pg, "regions");
  await pg.getByRole("button", { name: "Add layer" }).click();
  await expect(pg.getByTestId("layer-2")).toBeVisible();
  await expect.poll(() => num(pg, "regions")).toBeGreaterThan(wide);
  await pg.getByLabel("Activation", { exact: true }).first().selectOption("tanh");
  await expect(pg.getByTestId("regions")).toHaveText("undefined");
  await pg.getByLabel("Activation", { exact: true }).first().selectOption("leaky-relu");
  await expect(pg.getByLabel(/α/)).toHaveValue("0.01");
  await expect.poll(() => num(pg, "regions")).toBeGreaterThan(1);
  await expectAccessible(page);
});

test("the address carries the whole configuration, and a copied link reproduces it", async ({ page, context }) => {
  await page.goto(LESSON);
  const pg = playground(page, "relu-circle");
  await pg.getByLabel("Data set").selectOption("xor");
  await pg.getByLabel("Activation", { exact: true }).first().selectOption("leaky-relu");
  await pg.getByLabel(/α/).fill("0.2");
  await pg.getByLabel("Learning rate").selectOption("0.1");
  await pg.getByLabel("Batch size").selectOption("20");
  await pg.getByLabel("Optimizer").selectOption("sgd");
  await pg.getByRole("button", { name: "Remove layer" }).click();
  await expect(page).toHaveURL(/pg-relu-circle-data=xor/);
  const url = new URL(page.url());
  expect(url.searchParams.get("pg-relu-circle-act")).toBe("leaky-relu");
  expect(url.searchParams.get("pg-relu-circle-alpha")).toBe("0.2");
  expect(url.searchParams.get("pg-relu-circle-lr")).toBe("0.1");
  // The worker recomputes the figures of a new network: read them once it has answered.
  await expect(pg.getByTestId("stats")).not.toHaveAttribute("aria-busy", "true");
  const figures = { accuracy: await pg.getByTestId("accuracy").textContent(), regions: await pg.getByTestId("regions").textContent() };
  const link = await pg.getByRole("link", { name: "Link to this setup" }).getAttribute("href");
  expect(link).toContain("pg-relu-circle-units=8");

  const other = await context.newPage();
  await other.goto(`${LESSON}${link}`);
  const copy = playground(other, "relu-circle");
  await expect(copy.getByLabel("Data set")).toHaveValue("xor");
  await expect(copy.getByLabel("Activation", { exact: true })).toHaveValue("leaky-relu");
  await expect(copy.getByLabel(/α/)).toHaveValue("0.2");
  await expect(copy.getByLabel("Learning rate")).toHaveValue("0.1");
  await expect(copy.getByLabel("Batch size")).toHaveValue("20");
  await expect(copy.getByLabel("Optimizer")).toHaveValue("sgd");
  await expect(copy.getByTestId("layer-2")).toHaveCount(0);
  // Same seeds, same untrained network: the same figures.
  await expect(copy.getByTestId("accuracy")).toHaveText(figures.accuracy ?? "");
  await expect(copy.getByTestId("regions")).toHaveText(figures.regions ?? "");
  // Other playgrounds on the page keep their presets.
  await expect(playground(other, "linear-circle").getByLabel("Data set")).toHaveValue("circle");
  await other.close();
});

test("a mangled link is reported by field and the preset is kept", async ({ page }) => {
  await page.goto(`${LESSON}?pg-relu-circle-act=swish,relu&pg-relu-circle-units=8,8`);
  const pg = playground(page, "relu-circle");
  await expect(pg.getByRole("alert")).toContainText("pg-relu-circle-act");
  await expect(pg.getByLabel("Activation", { exact: true }).first()).toHaveValue("relu");
  await expectAccessible(page);
});

/**
 * Types nine values into the focused field and returns, from Event Timing, how long after each input
 * event its handlers had finished (events under 16 ms are not listed and count as 0), sorted.
 */
async function typeAndMeasure(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __handled: number[]; __observer?: PerformanceObserver };
    w.__handled = [];
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) w.__handled.push(e.processingEnd - e.startTime);
    });
    w.__observer.observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
  });
  for (let i = 1; i <= 9; i++) {
    await page.keyboard.press("End");
    await page.keyboard.press("Backspace");
    await page.keyboard.press(String(i));
  }
  await page.waitForTimeout(300); // let the observer deliver the last entries
  const handled = await page.evaluate(() => (window as unknown as { __handled: number[] }).__handled);
  const events = 27 * 3; // keydown, keypress or input, keyup for each of 27 key presses
  return [...handled, ...new Array(Math.max(0, events - handled.length)).fill(0)].sort((a, b) => a - b);
}

const p90 = (sorted: number[]) => sorted[Math.floor(sorted.length * 0.9)];

test("the page stays responsive while training: input events are handled within 100 ms", { tag: "@alone" }, async ({ page }) => {
  await page.goto(LESSON);
  const pg = playground(page, "relu-circle");
  await pg.getByLabel("Activation", { exact: true }).first().selectOption("leaky-relu");
  const field = pg.getByLabel(/α/);
  // Focus once and type through the keyboard: resolving a label locator per key press would scan the
  // whole lesson on the main thread and measure Playwright rather than the page.
  await field.focus();
  const idle = await typeAndMeasure(page);

  await pg.getByLabel("Speed").selectOption("0");
  await pg.getByRole("button", { name: "Play" }).click();
  await trainUntil(pg, 5);
  await field.focus();
  const training = await typeAndMeasure(page);
  await expect(field).toHaveValue("0.09");

  const note = (type: string, v: number) => test.info().annotations.push({ type, description: String(Math.round(v)) });
  note("idle: input handled, 90th percentile (ms)", p90(idle));
  note("training: input handled, 90th percentile (ms)", p90(training));
  note("training: slowest input handled (ms)", training[training.length - 1]);
  // Within 100 ms while training at full speed. This machine is shared with other engineers' builds; when
  // it is so loaded that the same typing is slow with training paused, we ask for no worse than twice that.
  expect(p90(training)).toBeLessThan(Math.max(100, 2 * p90(idle)));
  // Each α edit starts a new network (the architecture changed); training carries on with the last one.
  await trainUntil(pg, 5);
  await pg.getByRole("button", { name: "Pause" }).click();
});

test("keyboard: play, pause, step and reset without a mouse", async ({ page }) => {
  await page.goto(LESSON);
  const pg = playground(page, "relu-circle");
  await pg.getByRole("button", { name: "Step one epoch" }).focus();
  await page.keyboard.press("Enter");
  await expect(pg.getByTestId("epoch")).toHaveText("1");
  await page.keyboard.press("Space");
  await expect(pg.getByTestId("epoch")).toHaveText("2");
  await expect(pg.getByTestId("announcer")).toContainText("Epoch 2");
  await page.keyboard.press("Shift+Tab");
  await expect(pg.getByRole("button", { name: "Play" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pg.getByRole("button", { name: "Pause" })).toBeFocused();
  await trainUntil(pg, 4);
  await page.keyboard.press("Enter");
  await expect(pg.getByRole("button", { name: "Play" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(pg.getByRole("button", { name: "Reset" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pg.getByTestId("epoch")).toHaveText("0");
});

test("training runs off the main thread: blocking the page for a second does not stop it", async ({ page }) => {
  await page.goto(LESSON);
  const pg = playground(page, "relu-circle");
  await pg.getByLabel("Speed").selectOption("0");
  await pg.getByRole("button", { name: "Play" }).click();
  await trainUntil(pg, 3);
  // Busy-wait on the main thread, then read the epoch of the first frame rendered afterwards.
  const before = await num(pg, "epoch");
  await page.evaluate(() => {
    const end = performance.now() + 1000;
    while (performance.now() < end) {
      // spin: nothing on this thread can run
    }
  });
  // The worker trained during the block: the next frame jumps ahead.
  await expect.poll(() => num(pg, "epoch")).toBeGreaterThan(before + 20);
  await pg.getByRole("button", { name: "Pause" }).click();
});
