import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

const stamp = Date.now().toString(36);

/** "12 of 61 required fields" → 12. */
async function filledCount(page: Page): Promise<number> {
  const text = await page.getByText(/^\d+ of \d+ required fields ·/).innerText();
  return Number(/(\d+) of/.exec(text)![1]);
}

test("an owner registers a model and a version, fills the card section by section, saves, edits and sees the diff", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
  await page.goto("/models");
  await page.getByRole("button", { name: "Register a model" }).click();
  const name = `Mortgage affordability ${stamp}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Purpose").fill("Estimates whether a mortgage applicant can afford the repayments.");
  await page.getByLabel("Business unit").fill("Retail Lending");
  await page.getByRole("button", { name: "Register model" }).click();
  await page.getByRole("link", { name }).first().click();

  await page.getByRole("button", { name: "New version" }).click();
  await page.getByLabel("Version", { exact: true }).fill("1.0.0");
  await page.getByLabel("Framework").fill("scikit-learn 1.5");
  await page.getByRole("button", { name: "Add a dataset" }).click();
  await page.getByLabel("Name", { exact: true }).last().fill("mortgage_applications");
  await page.getByRole("button", { name: "Add version" }).click();
  await page.getByRole("link", { name: "1.0.0", exact: true }).click();
  await expect(page.getByText(/^\d+ of \d+ required fields ·/)).toBeVisible();

  const start = await filledCount(page);
  await page.getByLabel("Model name").fill(name);
  await page.getByLabel("Developer / provider").fill("Retail Lending Analytics");
  const afterDetails = await filledCount(page);
  expect(afterDetails).toBeGreaterThan(start);
  await page.getByLabel("Primary intended uses").fill("Supports underwriters' affordability assessment; never decides alone.");
  await page.getByLabel("Deployment context").fill("Called by the mortgage origination system for each application.");
  expect(await filledCount(page)).toBeGreaterThan(afterDetails);

  await page.getByLabel("Change summary (optional)").fill("Première version — détails du modèle");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved revision 1" })).toBeVisible();

  await page.getByLabel("Deployment context").fill("Called by the origination system and the broker portal.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved revision 2" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/card-editor.png", fullPage: true });

  await page.getByRole("link", { name: "Revisions" }).first().click();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByText("Called by the mortgage origination system for each application.")).toBeVisible();
  await expect(page.getByText("Called by the origination system and the broker portal.")).toBeVisible();
  await expect(page.getByText("Première version — détails du modèle")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/card-diff.png", fullPage: true });
});

test("two people edit the same card: the second save shows the conflict and loses nothing", async ({ browser }) => {
  const url = "/models/card-fraud-detection/versions/4.2.0/card";
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  const alice = await first.newPage();
  const bob = await second.newPage();
  for (const page of [alice, bob]) {
    page.on("dialog", (dialog) => dialog.accept());
    await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
    await page.goto(url);
  }
  await alice.getByLabel("Primary intended uses").fill("Alice's wording of the intended use.");
  await alice.getByRole("button", { name: "Save", exact: true }).click();
  await expect(alice.getByRole("status").filter({ hasText: /Saved revision \d+/ })).toBeVisible();

  const bobsText = "Bob's wording, typed before he knew about Alice's save.";
  await bob.getByLabel("Primary intended uses").fill(bobsText);
  await bob.getByLabel("Deployment context").fill("Real-time scoring in the card authorisation path.");
  await bob.getByRole("button", { name: "Save", exact: true }).click();
  await expect(bob.getByRole("heading", { name: "Someone else saved this card while you were editing" })).toBeVisible();
  await expect(bob.getByText("Alice's wording of the intended use.")).toBeVisible();
  await expect(bob.getByLabel("Primary intended uses")).toHaveValue(bobsText);
  await expect(bob.getByLabel("Deployment context")).toHaveValue("Real-time scoring in the card authorisation path.");
  await bob.screenshot({ path: "test-results/screens/card-conflict.png", fullPage: true });

  await bob.getByRole("button", { name: "Keep mine for Primary intended uses" }).click();
  await bob.getByRole("button", { name: "Save merged version" }).click();
  await expect(bob.getByRole("status").filter({ hasText: /Saved revision \d+/ })).toBeVisible();
  const saved = await (await bob.request.get(`/api/v1/models/card-fraud-detection/versions/4.2.0/card`)).json();
  expect(saved.intendedUse.primaryUses).toBe(bobsText);
  expect(saved.intendedUse.deploymentContext).toBe("Real-time scoring in the card authorisation path.");
  await Promise.all([first.close(), second.close()]);
});

test("markup in card fields is shown as text, and an auditor reads the card without edit controls", async ({ page, browser }) => {
  const payload = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signInThroughForm(ownerPage, DEMO.model_owner.email, DEMO.model_owner.password);
  const url = "/api/v1/models/branch-cash-demand-forecast/versions/1.4.0/card";
  const current = await ownerPage.request.get(url);
  const saved = await ownerPage.request.put(url, {
    headers: { "If-Match": current.headers()["etag"]!, "Content-Type": "application/json" },
    data: { modelDetails: { name: payload, provider: "Treasury Analytics" }, intendedUse: { primaryUses: payload } },
  });
  expect(saved.status()).toBe(201);
  await owner.close();

  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  await page.goto("/models/branch-cash-demand-forecast/versions/1.4.0/card");
  await expect(page.getByText("Read-only: only the model's owner and maintainers edit its card.")).toBeVisible();
  await expect(page.getByText(payload).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("main img[src='x']")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByLabel("Import Hugging Face README")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/card-read-only.png", fullPage: true });

  await page.goto("/models/branch-cash-demand-forecast");
  await expect(page.getByRole("button", { name: "New version" })).toHaveCount(0);
  await page.goto("/models");
  await expect(page.getByRole("button", { name: "Register a model" })).toHaveCount(0);
});
