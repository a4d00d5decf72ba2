import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

/** A predictions table where women are selected less often than men: deterministic, no files fetched. */
function predictionsCsv(rows: number): Buffer {
  const lines = ["applicant_id,defaulted,predicted,score,sex,age_band"];
  for (let i = 0; i < rows; i++) {
    const sex = i % 2 ? "F" : "M";
    const age = ["18-25", "26-40", "41-65"][i % 3]!;
    const label = i % 5 === 0 ? 1 : 0;
    const predicted = (sex === "M" ? i % 4 === 0 : i % 9 === 0) ? 1 : 0;
    lines.push(`${i},${label},${predicted},${((i * 7919) % 1000) / 1000},${sex},${age}`);
  }
  return Buffer.from(lines.join("\n"));
}

test("an owner uploads a predictions file, maps its columns, watches progress and reads the result", async ({ page }) => {
  await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
  await page.goto("/models/customer-service-assistant/versions/0.9.2/evaluations/new");
  await page.getByLabel("Predictions file").setInputFiles({ name: "predictions.csv", mimeType: "text/csv", buffer: predictionsCsv(300_000) });
  await page.getByLabel("True label").selectOption("defaulted");
  await page.getByLabel("Predicted label").selectOption("predicted");
  await page.getByLabel("Score (optional)").selectOption("score");
  await page.getByRole("checkbox", { name: "sex", exact: true }).check();
  await page.getByRole("checkbox", { name: "age_band", exact: true }).check();
  await page.getByLabel("Positive label").fill("1");
  await page.getByLabel("Evaluation name").fill("Holdout 2026-Q4");
  await page.getByRole("button", { name: "Upload and evaluate" }).click();
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
  await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Holdout 2026-Q4" })).toBeVisible();
  await expect(page.getByText("300,000").first()).toBeVisible();
  // Women are selected at 1/9 against men's 1/4: below four-fifths, so the evaluation fails.
  await expect(page.getByText("Fail").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /selection rate/i }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/evaluation-detail.png", fullPage: true });
});

test("a compliance officer waives a failing evaluation, and the waiver shows with the result", async ({ page }) => {
  await signInThroughForm(page, DEMO.compliance_officer.email, DEMO.compliance_officer.password);
  await page.goto("/models/retail-credit-scoring/evaluations");
  const evaluationLink = page.getByRole("main").locator("a[href*='/evaluations/']").first();
  await evaluationLink.click();
  await page.getByRole("button", { name: "Waive" }).click();
  await page.getByLabel("Justification").fill("Age-band disparity is explained by the affordability rule; mitigation planned for 2.4.0.");
  const nextQuarter = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Waiver expires on").fill(nextQuarter);
  await page.getByRole("button", { name: "Save waiver" }).click();
  await expect(page.getByText(/Waived by/).first()).toBeVisible();
  await expect(page.getByText("officer@attest.demo").first()).toBeVisible();
  await page.goto("/models/retail-credit-scoring/evaluations");
  await expect(page.getByText("Waived").first()).toBeVisible();
});

test("the comparison view marks the better version in each row", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  await page.goto("/models/card-fraud-detection/evaluations");
  const table = page.getByRole("table", { name: "Compare versions" });
  await expect(table).toBeVisible();
  const headers = (await table.locator("thead th").allInnerTexts()).map((t) => t.trim());
  const column = headers.findIndex((h) => h.endsWith("4.2.0"));
  expect(column).toBeGreaterThan(0);
  for (const metric of ["Accuracy", "F1", "ROC-AUC"]) {
    const row = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${metric}`) }) });
    await expect(row.locator("td").nth(column - 1)).toContainText("(best)");
  }
  await page.screenshot({ path: "test-results/screens/evaluation-comparison.png", fullPage: true });
});

test("an attribute with many groups shows the highest and the lowest rates, and every group on request", async ({ page }) => {
  await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
  const model = await page.request.post("/api/v1/models", { data: { name: `Regional scorer ${Date.now()}` } });
  expect(model.status()).toBe(201);
  const { slug } = await model.json();
  expect((await page.request.post(`/api/v1/models/${slug}/versions`, { data: { version: "1.0.0" } })).status()).toBe(201);
  // 40 districts of 100 rows, selected at 0.16 … 0.55: below four-fifths of 0.55 (0.44) are the first 28.
  // Long names: angled under the charts, the first must not run off the chart's left edge.
  const groups = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`district ${String(i + 1).padStart(2, "0")} of the northern region`, { tp: 11 + i, fp: 5, fn: 10, tn: 74 - i }]));
  const overall = Object.values(groups).reduce((sum, g) => ({ tp: sum.tp + g.tp, fp: sum.fp + g.fp, tn: sum.tn + g.tn, fn: sum.fn + g.fn }));
  const evaluation = await page.request.post(`/api/v1/models/${slug}/versions/1.0.0/evaluations?name=Districts`, { data: { overall, attributes: { district: { groups } } } });
  expect(evaluation.status()).toBe(201);
  await page.goto(`/models/${slug}/versions/1.0.0/evaluations/${(await evaluation.json()).id}`);

  await expect(page.getByText("The highest rate and the 11 lowest of 40 judged groups (28 are below four-fifths):")).toBeVisible();
  const chips = page.getByRole("listitem").filter({ hasText: "% of highest" });
  const visible = chips.filter({ visible: true });
  await expect(visible).toHaveCount(12);
  await expect(visible.first()).toContainText("district 40 of the northern region: 0.55 · 100% of highest");
  await expect(visible.nth(1)).toContainText("district 01 of the northern region: 0.16 · 29% of highest");
  await expect(visible.nth(1)).toContainText("(below four-fifths)");
  const firstNames = await page.locator("svg text", { hasText: "district 01" }).all();
  expect(firstNames).toHaveLength(2); // under the selection-rate chart and under the error-rate chart
  for (const firstName of firstNames) {
    // Where the name starts and where the chart it is drawn in starts.
    const [name, chart] = await firstName.evaluate((el: SVGTextElement) => [el.getBoundingClientRect().left, el.ownerSVGElement!.getBoundingClientRect().left]);
    expect(name).toBeGreaterThanOrEqual(chart!);
  }
  await page.getByText("All 40 judged groups, by name").click();
  await expect(visible).toHaveCount(52);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: "test-results/screens/evaluation-many-groups.png", fullPage: true });
});
