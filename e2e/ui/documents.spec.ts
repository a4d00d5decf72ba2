import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

test("an auditor downloads a version's documentation, the verify page recognises it and refuses a modified copy", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  const res = await page.request.get("/api/v1/models/retail-credit-scoring/versions/2.3.0/documentation.pdf");
  expect(res.status()).toBe(200);
  const pdf = await res.body();
  const documentId = res.headers()["x-document-id"]!;

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Verify a document" }).click();
  await expect(page.getByRole("heading", { name: "Verify a document" })).toBeVisible();

  await page.getByLabel("Choose a PDF").setInputFiles({ name: "documentation.pdf", mimeType: "application/pdf", buffer: pdf });
  const recognised = page.getByRole("region", { name: "Verification result" });
  await expect(recognised).toContainText("Issued by Attest");
  await expect(recognised).toContainText(documentId);
  await expect(recognised).toContainText("retail-credit-scoring version 2.3.0");
  await expect(recognised).toContainText(DEMO.auditor.email);
  await page.screenshot({ path: "test-results/screens/verify-document.png", fullPage: true });

  const altered = Buffer.from(pdf);
  altered[Math.floor(altered.length / 2)] ^= 0x01;
  await page.getByLabel("Choose a PDF").setInputFiles({ name: "altered.pdf", mimeType: "application/pdf", buffer: altered });
  await expect(recognised).toContainText("Not issued by Attest");

  await page.getByLabel("Or paste its SHA-256").fill(res.headers()["x-content-sha256"]!);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(recognised).toContainText("Issued by Attest");
});
