import { expect, test } from "@playwright/test";
import { DEMO } from "../support/roles";
import { signInThroughForm } from "../support/ui";

const stamp = Date.now().toString(36);

test("the admin creates a user, who signs in with the one-time password and is asked to change it", async ({ page, browser }) => {
  await signInThroughForm(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/users");
  const email = `new-officer-${stamp}@example.test`;
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Full name").fill("Nadia New");
  await page.getByRole("checkbox", { name: "Compliance officer" }).check();
  await page.getByRole("button", { name: "Create user" }).click();
  const oneTime = page.getByTestId("one-time-password");
  await expect(oneTime).toBeVisible();
  const password = (await oneTime.innerText()).trim();
  expect(password).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
  await page.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });

  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await signInThroughForm(newcomer, email, password);
  await expect(newcomer.getByText("You are using a one-time password")).toBeVisible();
  await expect(newcomer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toBeVisible();
  await other.close();
});

test("a deactivated user is thrown out on their next request", async ({ page, browser }) => {
  const email = `leaving-${stamp}@example.test`;
  const password = "a-password-for-leaving";
  await signInThroughForm(page, DEMO.admin.email, DEMO.admin.password);
  const created = await page.request.post("/api/v1/admin/users", { data: { email, name: "Leon Leaving", roles: ["auditor"], password } });
  expect(created.status()).toBe(201);

  const other = await browser.newContext();
  const leaver = await other.newPage();
  await signInThroughForm(leaver, email, password);
  await leaver.goto("/audit");
  await expect(leaver.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByText("Manage").click();
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();

  await leaver.reload();
  await expect(leaver).toHaveURL(/\/login/);
  await expect(leaver.getByText("Your session has ended")).toBeVisible();
  await other.close();
});
