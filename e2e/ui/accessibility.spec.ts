import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/permissions";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

/*
 * Every main page, as the role that uses it, checked by axe-core against WCAG 2.1 A and AA
 * (labels, names, contrast, ARIA, landmarks, keyboard access to scrolling regions). A page
 * passes with no violation at all, whatever its impact: a finding is fixed, not ranked.
 */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const MODEL = "/models/retail-credit-scoring";
const VERSION = `${MODEL}/versions/2.3.0`;

const PAGES: Record<Role, string[]> = {
  compliance_officer: ["/dashboard", "/models", "/reviews", "/coverage", "/notifications", "/account", `${MODEL}/risk`, `${MODEL}/reviews`],
  model_owner: [MODEL, `${MODEL}/card`, `${MODEL}/evaluations`, `${MODEL}/history`, VERSION, `${VERSION}/card`, `${VERSION}/revisions`, `${VERSION}/evaluations`, `${VERSION}/evaluations/new`],
  auditor: ["/workspace", "/audit", "/audit/1", "/documents/verify"],
  admin: ["/admin/users", "/admin/tokens", "/admin/policy", "/admin/webhooks"],
};

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  // What and where, so that a failure names the rule and the element rather than a count.
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the login page has no WCAG 2.1 AA violation", async ({ page }) => {
  await page.goto("/login");
  expect(await violations(page)).toEqual([]);
});

for (const [role, paths] of Object.entries(PAGES) as [Role, string[]][]) {
  test(`${role}: their pages have no WCAG 2.1 AA violation`, async ({ page }) => {
    await signInThroughForm(page, DEMO[role].email, DEMO[role].password);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await violations(page), path).toEqual([]);
    }
  });
}

/** The seeded high-risk version's first evaluation report: tables, charts and heatmaps. */
async function openReport(page: Page) {
  await page.goto(`${VERSION}/evaluations`);
  await page.getByRole("link", { name: /Holdout/ }).first().click();
  await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/);
  await page.waitForLoadState("networkidle");
}

test("an evaluation's report has no WCAG 2.1 AA violation", async ({ page }) => {
  await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
  await openReport(page);
  expect(await violations(page)).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  // Here tables are wider than the screen: each one that scrolls must be reachable by keyboard.
  test("pages whose tables scroll sideways have no WCAG 2.1 AA violation", async ({ page }) => {
    await signInThroughForm(page, DEMO.compliance_officer.email, DEMO.compliance_officer.password);
    for (const path of ["/models", "/audit", `${MODEL}/evaluations`, "/coverage"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await violations(page), path).toEqual([]);
    }
    // Charts and heatmaps too: the sex × age band heatmap is wider than a phone.
    await openReport(page);
    expect(await violations(page), "evaluation report").toEqual([]);
    await expect(page.getByRole("region", { name: /Selection rate by .* and / }).first()).toHaveAttribute("tabindex", "0");
    await page.goto("/models");
    const inventory = page.getByRole("region", { name: "Model inventory" });
    await expect(inventory).toHaveAttribute("tabindex", "0");
    await inventory.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => inventory.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  });
});

test("a table or chart that fits adds no tab stop", async ({ page }) => {
  await signInThroughForm(page, DEMO.compliance_officer.email, DEMO.compliance_officer.password);
  await page.goto("/models");
  await expect(page.getByRole("table", { name: "Model inventory" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Model inventory" })).toHaveCount(0);
  await openReport(page);
  const charts = page.getByRole("img", { name: /^Selection rate by / });
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) await expect(chart).not.toHaveAttribute("tabindex");
});
