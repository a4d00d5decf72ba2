import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

test("the audit page shows the signing key and verifies the signed checkpoints with the chain", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  // Issuing a document signs checkpoints (the api project has issued some already; one more is harmless).
  expect((await page.request.get("/api/v1/reports/portfolio.pdf")).status()).toBe(200);
  await page.goto("/audit");
  const integrity = page.getByRole("region", { name: "Chain integrity" });
  await expect(integrity.getByText(/Checkpoints are signed with Ed25519 key [0-9a-f]{16}/)).toBeVisible();
  await expect(integrity.getByRole("button", { name: "Copy public key" })).toBeVisible();
  await integrity.getByRole("button", { name: "Verify chain and checkpoints" }).click();
  await expect(integrity.getByText(/Chain intact/)).toBeVisible();
  await expect(integrity.getByText(/Signed checkpoints hold: \d+ checked, the latest at event #\d+/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/audit-checkpoints.png", fullPage: true });
});
