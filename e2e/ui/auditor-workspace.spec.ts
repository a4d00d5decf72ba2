import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { navLabels, signInThroughForm } from "../support/ui";

test("the auditor's workspace: the inventory as CSV, the audit log verified, the portfolio report; every download audited", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Auditor workspace" }).click();
  await expect(page.getByRole("heading", { name: "Auditor workspace", level: 1 })).toBeVisible();
  // Ten versions a page, and other journeys add models: search rather than assume the first page.
  await page.getByLabel("Search by model or version").fill("credit");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("table", { name: "Model versions and their technical documentation" })).toContainText("Retail credit scoring");
  // Read-only: nothing on the page changes anything but the downloads' record.
  await expect(page.getByRole("button", { name: /save|edit|submit|deploy|delete/i })).toHaveCount(0);

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Chain intact/)).toBeVisible();
  await page.screenshot({ path: "/tmp/audws-screens/auditor-workspace.png", fullPage: true });

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download inventory (CSV)" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^attest-model-inventory-.*\.csv$/);
  const lines = readFileSync(await csv.path(), "utf8").split("\r\n");
  expect(lines[0]).toBe("slug,name,purpose,business_unit,owner_email,owner_name,tags,risk_tier,documentation_percent,documentation_band,versions,latest_version,latest_stage,next_review_due,created_at,updated_at");
  expect(lines.some((l) => l.startsWith("retail-credit-scoring,Retail credit scoring,"))).toBe(true);

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download portfolio report (PDF)" }).click();
  const portfolio = await pdfDownload;
  expect(readFileSync(await portfolio.path()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Both downloads are in the audit log under the auditor's name.
  await page.goto("/audit?action=report.inventory_exported");
  await expect(page.getByRole("table").locator("tbody tr").first()).toContainText(DEMO.auditor.email);
  await page.goto("/audit?action=document.issued");
  await expect(page.getByRole("table").locator("tbody tr").first()).toContainText(DEMO.auditor.email);
});

test("a model owner has no workspace: no navigation item, and the page sends them back", async ({ page }) => {
  await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
  expect(await navLabels(page)).not.toContain("Auditor workspace");
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/dashboard\?denied=1/);
  await expect(page.getByText("That page is not available to your role.")).toBeVisible();
});

test("the auditor sees no edit control on a model's pages", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  const model = "/models/retail-credit-scoring";
  // A control's label starts with its verb ("Edit model card", "Record deployment"); "Logging and
  // record-keeping" or a link to "…/credit-default" is not one.
  const controls = /^\s*(edit|save|submit|deploy|record|retire|upload|propose|confirm|override|approve|reject|request changes|new version|add|register|waive|delete|remove)\b/i;
  for (const path of [model, `${model}/versions/2.3.0`, `${model}/versions/2.3.0/card`, `${model}/risk`, `${model}/evaluations`, `${model}/reviews`]) {
    await page.goto(path);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading").first()).toBeVisible();
    const offending = [...(await main.getByRole("button").allInnerTexts()), ...(await main.getByRole("link").allInnerTexts())].filter((text) => controls.test(text));
    expect(offending, `edit controls on ${path}`).toEqual([]);
    await expect(main.locator("textarea, input:not([type=search]):not([type=hidden]), select")).toHaveCount(0);
  }
  await page.goto(`${model}/versions/2.3.0`);
  await page.screenshot({ path: "/tmp/audws-screens/auditor-version.png", fullPage: true });
});
