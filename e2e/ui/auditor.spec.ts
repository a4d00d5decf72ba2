import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

test("the auditor filters the audit log, verifies the chain and downloads an export", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.getByLabel("Action").selectOption({ label: "Model registered" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=model\.created/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Model registered");
  const actions = await page.getByRole("table").locator("tbody tr").allInnerTexts();
  expect(actions.length).toBeGreaterThanOrEqual(5);
  for (const text of actions) expect(text).toContain("Model registered");

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Chain intact/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/audit-log.png", fullPage: true });

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /JSONL/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^attest-audit-.*\.jsonl$/);
  const lines = readFileSync(await download.path(), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  expect(lines.length).toBe(actions.length);
  expect(new Set(lines.map((e) => e.action))).toEqual(new Set(["model.created"]));

  // The download itself is now in the log.
  await page.goto("/audit?action=audit.exported");
  await expect(page.getByRole("table").locator("tbody tr").first()).toContainText(DEMO.auditor.email);
});
