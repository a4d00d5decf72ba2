import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

test("an auditor downloads a version's documentation from the workspace, the verify page recognises it and refuses a modified copy", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Auditor workspace" }).click();
  await expect(page.getByRole("heading", { name: "Auditor workspace", level: 1 })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search by model or version" }).fill("retail");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/workspace\?q=retail/);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the technical documentation of Retail credit scoring version 2.3.0 (PDF)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const sha256 = createHash("sha256").update(pdf).digest("hex");

  // The download is in the register, newest first, with the hash of exactly these bytes.
  await page.reload();
  const register = page.getByRole("table", { name: "Documents issued by Attest, newest first" });
  const row = register.locator("tbody tr").first();
  await expect(row).toContainText("retail-credit-scoring 2.3.0");
  await expect(row).toContainText(DEMO.auditor.email);
  await expect(row.locator("code")).toHaveAttribute("title", sha256);
  const documentId = (await row.locator("td").first().innerText()).trim();

  await nav.getByRole("link", { name: "Verify a document" }).click();
  await expect(page.getByRole("heading", { name: "Verify a document" })).toBeVisible();
  await page.getByLabel("Choose a PDF").setInputFiles({ name: "documentation.pdf", mimeType: "application/pdf", buffer: pdf });
  const recognised = page.getByRole("region", { name: "Verification result" });
  await expect(recognised).toContainText("Issued by Attest");
  await expect(recognised).toContainText(documentId);
  await expect(recognised).toContainText("retail-credit-scoring version 2.3.0");
  await expect(recognised).toContainText(DEMO.auditor.email);
  await expect(recognised).toContainText(sha256);
  await page.screenshot({ path: "test-results/screens/verify-document.png", fullPage: true });

  const altered = Buffer.from(pdf);
  altered[Math.floor(altered.length / 2)] ^= 0x01;
  await page.getByLabel("Choose a PDF").setInputFiles({ name: "altered.pdf", mimeType: "application/pdf", buffer: altered });
  await expect(recognised).toContainText("Not issued by Attest");

  // The register's "Verify" link brings the hash along.
  await nav.getByRole("link", { name: "Auditor workspace" }).click();
  await page.getByRole("link", { name: `Verify document ${documentId}` }).click();
  await expect(page.getByLabel("Or paste its SHA-256")).toHaveValue(sha256);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(recognised).toContainText("Issued by Attest");
});
