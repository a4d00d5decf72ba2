import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { asRole } from "../support/api";
import { readyVersion } from "../support/ready-version";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

/**
 * Issue 6, the approvals journey in the browser: the owner submits a high-risk version, officer A
 * comments on a card field and approves, officer B approves, the gate says deployable; the owner
 * answers and resolves the comment, edits the card and saves; the version page shows the approvals
 * that change invalidated, and the gate answers 409 with the reason.
 */

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const NAME = `Loan default early warning ${stamp}`;
const OFFICER_B = { email: `officer-b-${stamp}@example.test`, password: "officer-b-journey-password" };
const SCREENS = "/tmp/attest-review-screens";

let owner: APIRequestContext;
let base = "";
let slug = "";

test.beforeAll(async () => {
  owner = await asRole("model_owner");
  const admin = await asRole("admin");
  const created = await admin.post("/api/v1/admin/users", { data: { email: OFFICER_B.email, name: "Officer B", roles: ["compliance_officer"], password: OFFICER_B.password } });
  expect(created.status()).toBe(201);
  base = await readyVersion(owner, await asRole("compliance_officer"), NAME, "high");
  slug = base.split("/")[4]!;
});

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, who.email, who.password);
  return page;
}

const versionPage = () => `/models/${slug}/versions/1.0.0`;
const reviewPage = () => `/models/${slug}/reviews?version=1.0.0`;
const gate = async () => {
  const res = await owner.get(`${base}/gate`);
  return { status: res.status(), body: await res.json() };
};

test("the owner submits a high-risk version; officer A comments and approves; officer B approves; the gate opens", async ({ browser }) => {
  const ownerPage = await signedIn(browser, DEMO.model_owner);
  await ownerPage.goto(versionPage());
  await expect(ownerPage.getByText("Ready to submit: every precondition is met.")).toBeVisible();
  await ownerPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(ownerPage.getByText(/waiting for compliance officers/)).toBeVisible();

  const officerA = await signedIn(browser, DEMO.compliance_officer);
  await officerA.goto(reviewPage());
  await expect(officerA.getByRole("heading", { name: "Review of version 1.0.0" })).toBeVisible();
  await expect(officerA.getByText("No earlier version of this model has been approved", { exact: false })).toBeVisible();
  // The dossier's evaluation with its selection-rate chart, on the same screen.
  const selection = officerA.getByRole("figure").filter({ hasText: "Selection rate by sex" });
  await expect(selection).toBeVisible();
  await expect(selection.locator("div[role=img]")).toHaveAttribute("aria-label", /F.*M|M.*F/);
  await officerA.locator("summary").filter({ hasText: "Intended use" }).click();
  await officerA.getByRole("button", { name: "Comment on Out-of-scope uses" }).click();
  await officerA.getByRole("textbox", { name: "Comment on Out-of-scope uses" }).fill("Name the <b>misuse</b> you tested for, e.g. scoring small businesses.");
  await officerA.getByRole("button", { name: "Post comment" }).click();
  await expect(officerA.getByText("Name the <b>misuse</b> you tested for, e.g. scoring small businesses.")).toBeVisible();
  await expect(officerA.getByRole("link", { name: "1 open comment" })).toBeVisible();
  await officerA.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(officerA.getByRole("status").filter({ hasText: "Approval recorded." })).toBeVisible();
  await expect(officerA.getByText("1 of 2 required approvals given")).toBeVisible();
  await officerA.screenshot({ path: `${SCREENS}/review-page.png`, fullPage: true });

  const officerB = await signedIn(browser, OFFICER_B);
  await officerB.goto(reviewPage());
  await officerB.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(officerB.getByText("2 of 2 required approvals given")).toBeVisible();
  await expect(officerB.getByText("Deployable: the gate answers 200 to a pipeline.")).toBeVisible();

  const open = await gate();
  expect(open.status).toBe(200);
  expect(open.body).toMatchObject({ deployable: true, stage: "approved", reasons: [] });
  expect(open.body.approvals.map((a: { approverEmail: string }) => a.approverEmail).sort()).toEqual([DEMO.compliance_officer.email, OFFICER_B.email].sort());
});

test("the owner answers and resolves the comment; the approvals still stand", async ({ browser }) => {
  const page = await signedIn(browser, DEMO.model_owner);
  await page.goto(versionPage());
  const comments = page.getByRole("region", { name: /Review comments/ });
  await expect(comments.getByText("1 open")).toBeVisible();
  await expect(comments.getByText("Name the <b>misuse</b> you tested for, e.g. scoring small businesses.")).toBeVisible();
  await comments.getByLabel("Your answer").fill("Added small-business scoring to the out-of-scope uses.");
  await comments.getByRole("button", { name: "Answer", exact: true }).click();
  await expect(comments.getByText("Added small-business scoring to the out-of-scope uses.")).toBeVisible();
  await comments.getByRole("button", { name: "Resolve" }).click();
  await expect(comments.getByText("Every comment is resolved.")).toBeVisible();
  await expect(comments.getByText("0 open")).toBeVisible();
  expect((await gate()).status).toBe(200);

  const threads = await (await owner.get(`${base}/comments`)).json();
  expect(threads.unresolved).toBe(0);
  expect(threads.threads[0]).toMatchObject({ fieldPath: "intendedUse.outOfScopeUses", resolvedByEmail: DEMO.model_owner.email });
  expect(threads.threads[0].replies).toHaveLength(1);
});

test("the owner edits the card; the version page shows the approvals that change invalidated; the gate says 409 with the reason", async ({ browser }) => {
  const page = await signedIn(browser, DEMO.model_owner);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${versionPage()}/card`);
  await page.getByLabel("Out-of-scope uses", { exact: true }).fill("Scoring small businesses or sole traders: the model was validated on consumer loans only.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved revision 2" })).toBeVisible();

  await page.goto(versionPage());
  const review = page.getByRole("region", { name: /Review and deployment/ });
  await expect(review.getByText("In review", { exact: true })).toBeVisible();
  await expect(review.getByText(/Invalidated .* by: card revision 1 → 2/)).toHaveCount(2);
  await expect(review.getByText("Not deployable: the gate answers 409, for these reasons:")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/version-page.png`, fullPage: true });

  const closed = await gate();
  expect(closed.status).toBe(409);
  expect(closed.body.deployable).toBe(false);
  const changed = closed.body.reasons.find((r: { code: string }) => r.code === "dossier_changed");
  expect(changed.message).toBe("Approvals were invalidated by a change to the dossier: card revision 1 → 2.");
  expect(closed.body.approvals.every((a: { valid: boolean }) => !a.valid)).toBe(true);

  // The officers get the version back in their queue, with the change shown against what they approved.
  const officer = await signedIn(browser, DEMO.compliance_officer);
  await officer.goto(reviewPage());
  await expect(officer.getByText(/Invalidated .* by: card revision 1 → 2/).first()).toBeVisible();
});

test("a periodic re-review: an officer starts it from the review page and renews the approval while the version stays approved", async ({ browser }) => {
  const admin = await asRole("admin");
  const officerApi = await asRole("compliance_officer");
  // A one-week interval for minimal risk, so the version is due for re-review at once; restored after its approval.
  expect((await admin.put("/api/v1/admin/policy/approvals", { data: { minimal: { reviewIntervalDays: 7 } } })).status()).toBe(200);
  const minimal = await readyVersion(owner, officerApi, `Branch footfall ${stamp}`, "minimal");
  expect((await owner.post(`${minimal}/submit`, { data: {} })).status()).toBe(200);
  expect((await officerApi.post(`${minimal}/decisions`, { data: { decision: "approve" } })).status()).toBe(201);
  expect((await admin.put("/api/v1/admin/policy/approvals", { data: {} })).status()).toBe(200);
  const before = await (await owner.get(`${minimal}/gate`)).json();
  expect(before.deployable).toBe(true);

  const page = await signedIn(browser, DEMO.compliance_officer);
  await page.goto(`/models/${minimal.split("/")[4]}/reviews?version=1.0.0`);
  await expect(page.getByText("The periodic review is due in 7 days.")).toBeVisible();
  await page.getByRole("button", { name: "Start re-review" }).click();
  await expect(page.getByText(/Periodic review started by officer@attest\.demo/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Approvals in this periodic review" })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/periodic-review.png`, fullPage: true });
  // The queue lists it as a periodic review, for the officers who decide it.
  await page.goto("/reviews");
  await page.getByRole("tab", { name: "All" }).click();
  const row = page.getByRole("row").filter({ hasText: `Branch footfall ${stamp}` });
  await expect(row.getByText("Periodic review")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/queue.png`, fullPage: true });
  await row.getByRole("link").first().click();
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approval recorded." })).toBeVisible();

  const after = await (await owner.get(`${minimal}/gate`)).json();
  expect(after).toMatchObject({ deployable: true, stage: "approved" });
  // Renewed under the restored default interval (730 days).
  expect(new Date(after.nextReviewDue).getTime() - Date.now()).toBeGreaterThan(700 * 86_400_000);
});
