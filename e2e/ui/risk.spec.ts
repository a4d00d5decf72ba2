import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

const stamp = Date.now().toString(36);

test("an owner classifies a credit-scoring model, an officer confirms, evidence is attached, and a purpose change sends it back for review", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  owner.on("dialog", (dialog) => dialog.accept());
  await signInThroughForm(owner, DEMO.model_owner.email, DEMO.model_owner.password);
  const created = await owner.request.post("/api/v1/models", { data: { name: `Consumer credit scoring ${stamp}`, purpose: "Scores consumer loan applications." } });
  const { slug } = await created.json();
  await owner.request.post(`/api/v1/models/${slug}/versions`, { data: { version: "1.0.0" } });

  // The owner answers the questionnaire: a provider of a creditworthiness model that profiles people.
  await owner.goto(`/models/${slug}/risk`);
  await owner.getByRole("radio", { name: "Provider" }).check();
  const propose = owner.getByRole("button", { name: "Propose classification" });
  for (let step = 0; step < 10 && !(await propose.isVisible()); step++) {
    const credit = owner.getByRole("checkbox", { name: /creditworthiness/ });
    if (await credit.isVisible()) await credit.check();
    const profiling = owner.getByRole("group", { name: /profiling of natural persons/ });
    if (await profiling.isVisible()) await profiling.getByRole("radio", { name: "Yes" }).check();
    await owner.getByRole("button", { name: "Next" }).click();
  }
  await propose.click();
  await expect(owner.getByText("Proposed: High risk")).toBeVisible();
  await owner.reload();
  await expect(owner.getByText("Annex III 5(b)").first()).toBeVisible();
  await expect(owner.getByText(/high-risk/i).first()).toBeVisible();
  await owner.screenshot({ path: "test-results/screens/risk-proposed.png", fullPage: true });

  // A compliance officer confirms; the obligations of a high-risk provider appear.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInThroughForm(officer, DEMO.compliance_officer.email, DEMO.compliance_officer.password);
  // The dashboard tells the officer what waits for a decision.
  await officer.getByRole("link", { name: `Consumer credit scoring ${stamp}` }).first().click();
  await expect(officer).toHaveURL(new RegExp(`/models/${slug}/risk`));
  await officer.getByRole("button", { name: "Confirm classification" }).click();
  await expect(officer.getByRole("button", { name: "Update Art. 9" })).toBeVisible();
  for (const article of ["Art. 10", "Art. 14", "Art. 72"]) await expect(officer.getByRole("button", { name: `Update ${article}` })).toBeVisible();

  // The officer marks Art. 9 met, with a note and an attached file.
  await officer.getByRole("button", { name: "Add evidence to Art. 9" }).click();
  await officer.getByLabel("Evidence note").fill("Risk management procedure, version 3, approved by the model risk committee.");
  await officer.getByLabel("File").setInputFiles({ name: "risk-management-procedure.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% Attest test evidence\n%%EOF\n") });
  await officer.getByRole("button", { name: "Add evidence", exact: true }).click();
  await expect(officer.getByText("Evidence added to Art. 9.")).toBeVisible();
  await officer.getByRole("button", { name: "Update Art. 9" }).click();
  await officer.getByLabel("Status").selectOption({ label: "Met" });
  await officer.getByLabel("Note", { exact: true }).fill("Procedure in place and evidenced.");
  await officer.getByRole("button", { name: "Save obligation" }).click();
  await expect(officer.getByText("Art. 9 saved.")).toBeVisible();
  await officer.reload();
  await expect(officer.getByText("risk-management-procedure.pdf")).toBeVisible();
  await officer.screenshot({ path: "test-results/screens/risk-obligations.png", fullPage: true });

  // The owner changes the intended purpose in the card: the classification needs review.
  await owner.goto(`/models/${slug}/versions/1.0.0/card`);
  await owner.getByLabel("Primary intended uses").fill("Scores consumer loans and sets their interest rate.");
  await owner.getByRole("button", { name: "Save", exact: true }).click();
  await expect(owner.getByRole("status").filter({ hasText: /Saved revision \d+/ })).toBeVisible();
  await owner.goto(`/models/${slug}/risk`);
  await expect(owner.getByText("Needs review").first()).toBeVisible();
  // …and the compliance officers are told on their dashboard.
  await officer.goto("/dashboard");
  const task = officer.getByRole("listitem").filter({ hasText: `Consumer credit scoring ${stamp}` });
  await expect(task.getByText("Needs review")).toBeVisible();
  await Promise.all([ownerContext.close(), officerContext.close()]);
});
