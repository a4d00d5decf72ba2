import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

// Charts the demo seed fills, and charts that depend on what other journeys did before (reviews decided or fallen due).
const SEEDED_CHARTS = ["Models by risk tier", "Versions by lifecycle stage", "Documentation completeness", "Evaluations by result"];

/** A chart's text alternative: the label of its drawing, which states every number. */
async function chartSummary(page: Page, title: string): Promise<string> {
  const drawing = page.getByRole("figure", { name: title }).getByRole("img", { name: new RegExp(`^${title}: `) });
  return (await drawing.getAttribute("aria-label")) ?? "";
}

async function expectChartsWithTextAlternatives(page: Page) {
  for (const title of SEEDED_CHARTS) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure).toBeVisible();
    // The drawing is there, and one image to assistive technology, with every number in its label.
    await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
    expect(await chartSummary(page, title)).toMatch(new RegExp(`^${title}: .+ in all\\.$`));
    // Every category is a keyboard-reachable link to the filtered inventory.
    const links = figure.getByRole("link");
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/models\?/);
  }
  // Overdue reviews: the bars with their summary, or a sentence saying there are none and when there will be.
  const overdue = page.getByRole("figure", { name: "Overdue periodic reviews" });
  await expect(overdue.getByRole("img", { name: /^Overdue periodic reviews: / }).or(overdue.getByText(/^No periodic review is overdue\./))).toBeVisible();
  // Decisions per week: the stacked bars with their summary and table, or a sentence saying there were none.
  const decisions = page.locator("section", { has: page.getByRole("heading", { name: "Review decisions per week" }) });
  await expect(decisions.getByRole("img", { name: /^Review decisions per week over the last 26 weeks/ }).or(decisions.getByText(/^No review decisions in the last 26 weeks\./))).toBeVisible();
  await expect(page.getByText("Median time from submission to decision:")).toBeVisible();
}

test("the compliance officer's dashboard: charts with text alternatives, tasks, and links into the inventory", async ({ page }) => {
  await signInThroughForm(page, DEMO.compliance_officer.email, DEMO.compliance_officer.password);
  await expect(page.getByRole("heading", { name: "Waiting for your review" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Risk classifications waiting for you" })).toBeVisible();
  await expectChartsWithTextAlternatives(page);
  await page.screenshot({ path: "/tmp/dash-officer.png", fullPage: true });

  // The tier chart's count of high-risk models is what the filtered inventory lists.
  const summary = await chartSummary(page, "Models by risk tier");
  const high = Number(/High risk (\d+)/.exec(summary)![1]);
  expect(high).toBeGreaterThan(0);
  const tiers = page.getByRole("figure", { name: "Models by risk tier" });
  // From the keyboard: focus the link and press Enter.
  await tiers.getByRole("link", { name: /High risk/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/models\?tier=high$/);
  await expect(page.getByLabel("Risk tier")).toHaveValue("high");
  await expect(page.getByRole("table", { name: "Model inventory" }).locator("tbody tr")).toHaveCount(high);

  // With the mouse: a click on the bar itself.
  await page.goBack();
  const bars = page.getByRole("figure", { name: "Models by risk tier" }).locator(".recharts-bar-rectangle");
  await expect(bars).toHaveCount(5);
  await bars.nth(1).click(); // prohibited, high, limited, minimal, unclassified
  await expect(page).toHaveURL(/\/models\?tier=high$/);
  await expect(page.getByRole("table", { name: "Model inventory" }).locator("tbody tr")).toHaveCount(high);

  // The evaluation chart links to the inventory's new evaluation filter.
  await page.goBack();
  await page.getByRole("figure", { name: "Evaluations by result" }).getByRole("link", { name: /Passing/ }).click();
  await expect(page).toHaveURL(/\/models\?evaluation=pass$/);
  await expect(page.getByLabel("Evaluations")).toHaveValue("pass");

  // Each week of the decisions chart links to the models decided on that week (the demo's decisions).
  await page.goBack();
  await page.locator("p", { hasText: "Models decided on in the week of" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/models\?decidedWeek=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText(/Only models with a review decision in the week of/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Model inventory" })).toContainText("Card fraud detection");
});

test("the auditor's dashboard: what is new, the same charts, read-only", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  await expect(page.getByRole("heading", { name: /^New since / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Documents issued" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent activity" })).toBeVisible();
  // An auditor neither reviews nor owns: no task lists of other roles.
  await expect(page.getByRole("heading", { name: "Waiting for your review" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your models: what to fix" })).toHaveCount(0);
  await expectChartsWithTextAlternatives(page);
  await page.screenshot({ path: "/tmp/dash-auditor.png", fullPage: true });

  const stages = page.getByRole("figure", { name: "Versions by lifecycle stage" });
  await stages.getByRole("link", { name: /Draft/ }).click();
  await expect(page).toHaveURL(/\/models\?stage=draft$/);
  await expect(page.getByLabel("Stage")).toHaveValue("draft");
});

test("the model owner's dashboard lists what to fix", async ({ page }) => {
  await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
  await expect(page.getByRole("heading", { name: "Your models: what to fix" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Newest drafts/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/dash-owner.png", fullPage: true });
});
