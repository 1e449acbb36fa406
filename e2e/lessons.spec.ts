// The lesson journeys: read each lesson (light and dark, axe on each), move through the course, and drive
// every interactive component by mouse and by keyboard, checking the numbers against lib/math itself.
import { test, expect, expectAccessible, hydrated } from "./fixtures";
import type { Locator } from "@playwright/test";
import { ACTIVATIONS, leakyRelu, leakyReluDerivative, relu, sigmoid, sigmoidDerivative } from "../lib/math/activations";
import { chainGradient, sigmoidChainBound } from "../lib/math/chain";
import { unitReport } from "../lib/math/dead-unit";
import { formatNumber } from "../lib/math/format";
import { COLLAPSE_EXAMPLE, applyAffine, applyLayers, collapseAffine } from "../lib/math/matrix";

const LESSONS = [
  ["why-activation-functions", "Why activation functions?"],
  ["sigmoid-vanishing-gradient", "Sigmoid and the vanishing gradient"],
  ["relu", "ReLU"],
  ["dead-relu-leaky-relu", "Dead ReLU and Leaky ReLU"],
  ["is-relu-linear", "Is ReLU linear?"],
] as const;

const f = (x: number) => formatNumber(x);
const vec = (v: number[]) => `(${v.map(f).join(", ")})`;

for (const [slug, title] of LESSONS) {
  test(`lesson ${slug} renders, its contents links resolve, and axe passes in light and dark`, async ({ page }) => {
    await page.goto(`/lessons/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /Summary/ })).toBeVisible();
    const toc = page.getByRole("navigation", { name: "On this page" });
    await toc.getByText(/On this page/).click();
    const hrefs = await toc.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) await expect(page.locator(href), href).toHaveCount(1);
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgb(255, 255, 255)");
    await expectAccessible(page);
  });
}

test("previous/next links walk the course in order and the progress bar counts visits and completions", async ({ page }) => {
  await page.goto(`/lessons/${LESSONS[0][0]}`);
  const progress = page.getByTestId("course-progress");
  await expect(progress.getByTestId("progress-visited")).toHaveText("1");
  await expect(page.getByTestId("prev-lesson")).toHaveCount(0);
  await page.getByTestId("complete-lesson").click();
  await expect(progress.getByTestId("progress-completed")).toHaveText("1");
  await expect(page.getByTestId("complete-lesson")).toHaveAttribute("aria-pressed", "true");
  for (let i = 1; i < LESSONS.length; i++) {
    await page.getByTestId("next-lesson").click();
    // A client-side navigation fetches the lesson, loads its components' chunks and renders a long page. CI
    // once waited over 10 s for it with the load tests beside it (load average 7); the cause was not caught.
    await expect(page.getByRole("heading", { level: 1, name: LESSONS[i][1] })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("progress-visited")).toHaveText(String(i + 1));
  }
  await expect(page.getByTestId("next-lesson")).toHaveCount(0);
  await expect(page.getByRole("progressbar", { name: /Course progress/ })).toHaveAttribute("aria-valuenow", "1");
  // Keyboard: the previous link and the complete button.
  await page.getByTestId("complete-lesson").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress-completed")).toHaveText("2");
  await page.reload();
  await expect(page.getByTestId("progress-completed")).toHaveText("2");
  await page.getByTestId("prev-lesson").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: LESSONS[3][1] })).toBeVisible();
});

test("ActivationCalculator: Leaky ReLU(−3; α = 0.01) = −0.03 with f′ = 0.01; keyboard, mouse and a shared link", async ({ page }) => {
  await page.goto("/lessons/dead-relu-leaky-relu");
  const calc = await hydrated(page.locator("#leaky"));
  await expect(calc.getByTestId("fx")).toContainText(f(leakyRelu(-3, 0.01)));
  await expect(calc.getByTestId("fx")).toContainText("−0.03");
  await expect(calc.getByTestId("dfx")).toContainText("0.01");
  // Keyboard: the x slider moves by its step.
  await calc.getByRole("slider", { name: "x slider" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(calc.getByTestId("x")).toHaveValue("-2.9");
  await expect(calc.getByTestId("fx")).toContainText(f(leakyRelu(-2.9, 0.01)));
  // Typing α and x.
  await calc.getByTestId("alpha").fill("0.3");
  await calc.getByTestId("x").fill("−3");
  await expect(calc.getByTestId("fx")).toContainText(f(leakyRelu(-3, 0.3)));
  await expect(calc.getByTestId("dfx")).toContainText(f(leakyReluDerivative(-3, 0.3)));
  await calc.getByTestId("alpha").fill("2");
  await expect(calc.getByRole("alert")).toContainText("α must be between");
  await calc.getByTestId("alpha").fill("0.3");
  // Mouse: choose another activation, and x = 0 shows the kink note.
  await calc.getByRole("combobox", { name: "Activation" }).selectOption("sigmoid");
  await expect(calc.getByTestId("fx")).toContainText(f(sigmoid(-3)));
  await calc.getByRole("combobox", { name: "Activation" }).selectOption("relu");
  await calc.getByTestId("x").fill("0");
  await expect(calc.getByTestId("dfx")).toContainText("0");
  await expect(calc.getByTestId("kink-note")).toContainText("PyTorch");
  // The state is in the address: a reload (or a shared link) reproduces it.
  await calc.getByRole("combobox", { name: "Activation" }).selectOption("leaky-relu");
  await calc.getByTestId("alpha").fill("0.2");
  await calc.getByTestId("x").fill("-5");
  await expect(page).toHaveURL(/leaky-fn=leaky-relu/);
  await page.reload();
  const again = await hydrated(page.locator("#leaky"));
  await expect(again.getByTestId("fx")).toContainText(f(leakyRelu(-5, 0.2)));
  await expect(again.getByTestId("alpha")).toHaveValue("0.2");
  await expectAccessible(page);
});

/** The x of a plot's point, from its slider handle. */
async function handleX(plot: Locator): Promise<number> {
  return Number(await plot.getByTestId("plot-handle").getAttribute("aria-valuenow"));
}

test("FunctionPlot: the sigmoid point moves by arrow keys and by dragging, and the readout follows lib/math", async ({ page }) => {
  await page.goto("/lessons/sigmoid-vanishing-gradient");
  const plot = await hydrated(page.getByTestId("function-plot").first());
  const readout = plot.getByTestId("plot-readout");
  await expect(readout).toContainText(`Sigmoid(x) = ${f(sigmoid(0))}`);
  await expect(readout).toContainText(`Sigmoid′(x) = ${f(sigmoidDerivative(0))}`);
  await plot.getByTestId("plot-handle").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("PageUp");
  expect(await handleX(plot)).toBeCloseTo(1.3, 10);
  await expect(readout).toContainText(`Sigmoid(x) = ${f(sigmoid(1.3))}`);
  await expect(readout).toContainText(`Sigmoid′(x) = ${f(sigmoidDerivative(1.3))}`);
  await page.keyboard.press("Home");
  expect(await handleX(plot)).toBe(-6);
  // Mouse: drag from the handle to about x = 2 (the plot spans −6…6 over the inner width).
  const svg = plot.locator("svg").first();
  const box = (await svg.boundingBox())!;
  const inner = (v: number) => box.x + ((40 + ((v + 6) / 12) * (480 - 52)) / 480) * box.width;
  await page.mouse.move(inner(-6), box.y + box.height * 0.9);
  await page.mouse.down();
  await page.mouse.move(inner(0), box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(inner(2), box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const x = await handleX(plot);
  expect(Math.abs(x - 2)).toBeLessThan(0.1);
  await expect(readout).toContainText(`x = ${f(x)}: Sigmoid(x) = ${f(sigmoid(x))}`);
});

test("FunctionPlot: ReLU beside Leaky ReLU, with the α slider by keyboard and the α field", async ({ page }) => {
  await page.goto("/lessons/dead-relu-leaky-relu");
  const plot = await hydrated(page.getByTestId("function-plot").first());
  const readout = plot.getByTestId("plot-readout");
  await expect(readout).toContainText(`ReLU(x) = ${f(relu(-3))}`);
  await expect(readout).toContainText(`Leaky ReLU(x) = ${f(leakyRelu(-3, 0.01))}`);
  await expect(readout).toContainText(`Leaky ReLU′(x) = ${f(leakyReluDerivative(-3, 0.01))}`);
  await plot.getByTestId("alpha-slider").focus();
  await page.keyboard.press("End");
  const max = ACTIVATIONS["leaky-relu"].param!.max;
  await expect(readout).toContainText(`Leaky ReLU(x) = ${f(leakyRelu(-3, max))}`);
  await plot.getByTestId("alpha-text").fill("0.3");
  await expect(readout).toContainText(`Leaky ReLU(x) = ${f(leakyRelu(-3, 0.3))}`);
  await plot.getByTestId("alpha-text").fill("1.5");
  await expect(plot.getByRole("alert")).toContainText("α must be");
  // The curves really change: the Leaky ReLU path differs between two α.
  const pathAt = () => plot.locator('[data-series="leaky-relu-f"] path').first().getAttribute("d");
  await plot.getByTestId("alpha-text").fill("0.5");
  const d1 = await pathAt();
  await plot.getByTestId("alpha-text").fill("0.05");
  expect(await pathAt()).not.toBe(d1);
});

test("DepthGradientCalculator: sigmoid's bound at L = 10 is 0.25^10, by typing, slider keys and mouse", async ({ page }) => {
  await page.goto("/lessons/sigmoid-vanishing-gradient");
  const calc = await hydrated(page.getByTestId("depth-calculator"));
  await expect(calc.getByTestId("chain-bound")).toHaveText(f(0.25 ** 10));
  await expect(calc.getByTestId("chain-bound")).toHaveText("9.53674e−7");
  const sig = { f: sigmoid, df: sigmoidDerivative };
  await calc.getByTestId("chain-x").fill("0");
  await expect(calc.getByTestId("chain-gradient")).toHaveText(f(chainGradient(sig, 10, 0).at(-1)!.gradient));
  await expect(calc.getByTestId("chain-relu")).toHaveText("0");
  await calc.getByTestId("chain-x").fill("1");
  await expect(calc.getByTestId("chain-relu")).toHaveText("1");
  // Keyboard on the depth slider.
  await calc.getByTestId("depth-slider").focus();
  await page.keyboard.press("ArrowRight");
  await expect(calc.getByTestId("depth")).toHaveValue("11");
  await expect(calc.getByTestId("chain-bound")).toHaveText(f(sigmoidChainBound(11, 0.25)));
  // Typing and choosing tanh.
  await calc.getByTestId("depth").fill("20");
  await calc.getByRole("combobox", { name: "Activation" }).selectOption("tanh");
  const tanh = { f: (v: number) => ACTIVATIONS.tanh.f(v), df: (v: number) => ACTIVATIONS.tanh.df(v) };
  await expect(calc.getByTestId("chain-gradient")).toHaveText(f(chainGradient(tanh, 20, 1).at(-1)!.gradient));
  await expect(calc.getByTestId("chain-bound")).toHaveText(f(0.25 ** 20));
  await calc.getByTestId("depth").fill("0");
  await expect(calc.getByRole("alert")).toContainText("Depth must be a whole number");
  // Mouse: click the slider's left end → depth 1.
  const slider = calc.getByTestId("depth-slider");
  const b = (await slider.boundingBox())!;
  await page.mouse.click(b.x + 2, b.y + b.height / 2);
  await expect(calc.getByTestId("depth")).toHaveValue("1");
  await expect(calc.getByTestId("chain-bound")).toHaveText(f(0.25));
});

test("LinearityTester: ReLU(1) + ReLU(−1) ≠ ReLU(0), and c = −1 breaks ReLU's homogeneity", async ({ page }) => {
  await page.goto("/lessons/is-relu-linear");
  const t = await hydrated(page.getByTestId("linearity-tester"));
  const add = t.getByTestId("lin-add-relu");
  await expect(add.getByTestId("lhs")).toHaveText(f(relu(0)));
  await expect(add.getByTestId("rhs")).toHaveText(f(relu(1) + relu(-1)));
  await expect(add.getByTestId("holds")).toContainText("differ");
  await expect(t.getByTestId("lin-add-linear").getByTestId("holds")).toContainText("equal");
  await expect(t.getByTestId("lin-hom-relu").getByTestId("holds")).toContainText("equal");
  // Keyboard: type c = −1 key by key.
  await t.getByTestId("lin-c").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("-1");
  const hom = t.getByTestId("lin-hom-relu");
  await expect(hom.getByTestId("lhs")).toHaveText(f(relu(-1 * 1)));
  await expect(hom.getByTestId("rhs")).toHaveText(f(-1 * relu(1)));
  await expect(hom.getByTestId("holds")).toContainText("differ");
  await expect(t.getByTestId("verdict-relu")).toContainText("additivity and homogeneity fail");
  await expect(t.getByTestId("verdict-linear")).toContainText("both identities hold");
  // Mouse: same-sign inputs make ReLU additive.
  await t.getByTestId("lin-b").click();
  await t.getByTestId("lin-b").fill("2");
  await expect(add.getByTestId("holds")).toContainText("equal");
  await expect(add.getByTestId("lhs")).toHaveText(f(relu(3)));
  await t.getByTestId("lin-a").fill("x");
  await expect(t.getByRole("alert")).toContainText("Enter a number");
});

test("LayerCollapseDemo: the single matrix equals W₂W₁, outputs agree, and a ReLU between breaks it", async ({ page }) => {
  await page.goto("/lessons/why-activation-functions");
  const demo = await hydrated(page.getByTestId("collapse-demo"));
  const { first, second, x } = COLLAPSE_EXAMPLE;
  const cells = async () => demo.getByTestId("collapse-W").locator("td").allTextContents();
  expect(await cells()).toEqual(collapseAffine(first, second).W.flat().map(f));
  await expect(demo.getByTestId("collapse-two")).toHaveText(vec(applyLayers([first, second], x)));
  await expect(demo.getByTestId("collapse-one")).toHaveText(vec(applyAffine(collapseAffine(first, second), x)));
  await expect(demo.getByTestId("collapse-verdict")).toContainText("Same output");
  // Keyboard: edit W₁ row 1, column 2 and W₂ row 2, column 1.
  await demo.getByTestId("W1-0-1").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("-3");
  await demo.getByTestId("W2-1-0").fill("0.5");
  const W1 = [[1, -3], [-1, 1]];
  const W2 = [[2, -1], [0.5, 3]];
  const one = collapseAffine({ W: W1, b: first.b }, { W: W2, b: second.b });
  await expect.poll(cells).toEqual(one.W.flat().map(f));
  await expect(demo.getByTestId("collapse-b")).toContainText(f(one.b[1]));
  await expect(demo.getByTestId("collapse-one")).toHaveText(vec(applyAffine(one, x)));
  await expect(demo.getByTestId("collapse-two")).toHaveText(vec(applyAffine(one, x)));
  // Keyboard: Space ticks the ReLU box; the outputs now differ.
  await demo.getByTestId("collapse-relu").focus();
  await page.keyboard.press("Space");
  const twoRelu = applyLayers([{ W: W1, b: first.b }, { W: W2, b: second.b }], x, relu);
  await expect(demo.getByTestId("collapse-two")).toHaveText(vec(twoRelu));
  await expect(demo.getByTestId("collapse-verdict")).toContainText("Different outputs");
  // Mouse: untick, and a bad cell names itself.
  await demo.getByTestId("collapse-relu").click();
  await expect(demo.getByTestId("collapse-verdict")).toContainText("Same output");
  await demo.getByTestId("b2-1").fill("abc");
  await expect(demo.getByRole("alert")).toContainText("b₂ entry 2");
});

test("DeadUnitDemo: a large negative bias gives ReLU zero gradient and Leaky ReLU a non-zero one", async ({ page }) => {
  await page.goto("/lessons/dead-relu-leaky-relu");
  const demo = await hydrated(page.getByTestId("dead-unit-demo"));
  const reluAct = { f: relu, df: (z: number) => ACTIVATIONS.relu.df(z) };
  const leaky = (a: number) => ({ f: (z: number) => leakyRelu(z, a), df: (z: number) => leakyReluDerivative(z, a) });
  await expect(demo.getByTestId("dead-relu-gb")).toHaveText(f(unitReport(reluAct, 1, -5).gradB));
  await expect(demo.getByTestId("dead-relu-gw")).toHaveText("0");
  await expect(demo.getByTestId("dead-relu-status")).toContainText("Dead");
  await expect(demo.getByTestId("dead-leaky-gb")).toHaveText(f(unitReport(leaky(0.01), 1, -5).gradB));
  await expect(demo.getByTestId("dead-leaky-status")).toContainText("Not dead");
  // Keyboard: raise the bias with the slider until the unit comes alive (b = −1: z = x − 1 > 0 at x = 2).
  await demo.getByTestId("dead-b-slider").focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
  await expect(demo.getByTestId("dead-b")).toHaveValue("-1");
  await expect(demo.getByTestId("dead-relu-status")).toContainText("Not dead");
  await expect(demo.getByTestId("dead-relu-gb")).toHaveText(f(unitReport(reluAct, 1, -1).gradB));
  // Mouse/typing: back to a dead unit, and a Keras-like α.
  await demo.getByTestId("dead-b").fill("-6");
  await demo.getByTestId("dead-alpha").fill("0.3");
  await expect(demo.getByTestId("dead-relu-status")).toContainText("Dead");
  await expect(demo.getByTestId("dead-leaky-gb")).toHaveText(f(unitReport(leaky(0.3), 1, -6).gradB));
  await demo.getByTestId("dead-alpha").fill("1.5");
  await expect(demo.getByRole("alert")).toContainText("α must be between 0 and 1");
});

test("the linear-regions figure and the worked collapse example are computed on the server", async ({ page }) => {
  await page.goto("/lessons/is-relu-linear");
  await expect(page.getByTestId("regions-linear")).toHaveAttribute("data-regions", "2");
  const n = Number(await page.getByTestId("regions-relu").getAttribute("data-regions"));
  expect(n).toBeGreaterThan(2);
  await expect(page.getByTestId("regions-relu").locator("polygon")).toHaveCount(n);
  await page.goto("/lessons/why-activation-functions");
  const W = collapseAffine(COLLAPSE_EXAMPLE.first, COLLAPSE_EXAMPLE.second).W;
  const tex = (v: number) => f(v).replace("\u2212", "-");
  const want = `= \\begin{bmatrix} ${W.map((r) => r.map(tex).join(" & ")).join(" \\\\ ")} \\end{bmatrix}`;
  const annotations = await page.getByTestId("collapse-example").locator("annotation").allTextContents();
  expect(annotations.some((a) => a.startsWith("W = W_2 W_1") && a.endsWith(want)), `${want} in ${annotations.join("\n")}`).toBe(true);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("lessons stay readable and calculators show their server-rendered state", async ({ page }) => {
    await page.goto("/lessons/sigmoid-vanishing-gradient");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Visible, not only present: content React streams after the shell stays hidden until a script moves it.
    await expect(page.locator("article p").nth(3)).toBeVisible();
    const plot = page.getByTestId("function-plot").first();
    await expect(plot).toBeVisible();
    await expect(plot.locator("path").first()).toBeAttached();
    await expect(plot.getByTestId("plot-readout")).toContainText(`Sigmoid(x) = ${f(sigmoid(0))}`);
    await expect(page.getByTestId("chain-bound")).toHaveText(f(0.25 ** 10));
    await page.goto("/lessons/dead-relu-leaky-relu");
    await expect(page.locator("#leaky")).toBeVisible();
    await expect(page.locator("#leaky").getByTestId("fx")).toContainText(f(leakyRelu(-3, 0.01)));
    await expect(page.getByTestId("dead-relu-status")).toContainText("Dead");
    // axe-core runs as page script, so it cannot run here; the same markup is checked with JavaScript on above.
  });
});
