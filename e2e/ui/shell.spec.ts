import { expect, test } from "@playwright/test";
import { ROLES, type Role } from "../../lib/auth/permissions";
import { DEMO } from "../support/roles";
import { navLabels, signInThroughForm } from "../support/ui";

const EXPECTED_NAV: Record<Role, string[]> = {
  admin: ["Dashboard", "Auditor workspace", "Models", "Coverage", "Audit log", "Verify a document", "Users", "API tokens", "Policy", "Webhooks"],
  model_owner: ["Dashboard", "Models", "Coverage", "Verify a document"],
  compliance_officer: ["Dashboard", "Auditor workspace", "Models", "Reviews", "Coverage", "Audit log", "Verify a document"],
  auditor: ["Dashboard", "Auditor workspace", "Models", "Coverage", "Audit log", "Verify a document"],
};

for (const role of ROLES) {
  test(`${role} signs in and sees only their navigation`, async ({ page }) => {
    await signInThroughForm(page, DEMO[role].email, DEMO[role].password);
    expect((await navLabels(page)).map((l) => l.trim())).toEqual(EXPECTED_NAV[role]);
    await page.screenshot({ path: `test-results/screens/shell-${role}.png`, fullPage: true });
  });
}

test("a role cannot open a page outside its navigation", async ({ page }) => {
  await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
  for (const path of ["/audit", "/admin/users", "/admin/tokens"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/dashboard\?denied=1/);
  }
});

test("signed out, every console page leads to the login page", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a wrong password shows one message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.auditor.email);
  await page.getByLabel("Password").fill("definitely-wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next's route announcer is also an alert region; the form's own alert is the one with text.)
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await page.screenshot({ path: "test-results/screens/login-error.png" });
});

test("keyboard focus in the dark navigation shows as a white ring", async ({ page }) => {
  await signInThroughForm(page, DEMO.auditor.email, DEMO.auditor.password);
  const dashboard = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" });
  // Tab from the skip link (first) past the logo link to the first entry, as a keyboard user does.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(dashboard).toBeFocused();
  await expect(dashboard).toHaveCSS("outline-color", "rgb(255, 255, 255)");
  await expect(dashboard).toHaveCSS("outline-style", "solid");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation opens from the Menu button, closes when a link is followed and on Escape", async ({ page }) => {
    await signInThroughForm(page, DEMO.compliance_officer.email, DEMO.compliance_officer.password);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    expect((await navLabels(page)).map((l) => l.trim())).toEqual(EXPECTED_NAV.compliance_officer);
    await page.screenshot({ path: "test-results/screens/shell-phone-menu.png" });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
    await expect(page).toHaveURL(/\/models$/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

    await menu.click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test("pages fit the phone's width: only tables and charts scroll sideways", async ({ page }) => {
    await signInThroughForm(page, DEMO.model_owner.email, DEMO.model_owner.password);
    const model = "/models/retail-credit-scoring";
    for (const path of ["/dashboard", "/models", model, `${model}/risk`, `${model}/versions/2.3.0`, `${model}/versions/2.3.0/card`, `${model}/versions/2.3.0/evaluations`, "/documents/verify"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});
