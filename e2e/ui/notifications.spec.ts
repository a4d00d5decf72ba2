import { expect, test } from "@playwright/test";
import { asRole } from "../support/api";
import { DEMO } from "../support/roles";
import { readyVersion } from "../support/ready-version";
import { signInThroughForm } from "../support/ui";

const stamp = Date.now().toString(36);

test("a compliance officer's bell counts a new submission, lists it, and marks it read", async ({ page }) => {
  const officer = await asRole("compliance_officer");
  expect((await officer.post("/api/v1/notifications/read", { data: { all: true } })).status()).toBe(200);
  await signInThroughForm(page, DEMO.compliance_officer.email, DEMO.compliance_officer.password);
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toHaveAccessibleName("Notifications, 0 unread");

  const name = `Bell check ${stamp}`;
  const owner = await asRole("model_owner");
  expect((await owner.post(`${await readyVersion(owner, officer, name, "minimal")}/submit`, { data: {} })).status()).toBe(200);
  await page.reload();
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const panel = page.getByRole("region", { name: "Notifications" });
  await expect(panel.getByRole("link", { name: new RegExp(`Unread: ${name} 1\\.0\\.0 was submitted for review`) })).toBeVisible();
  await page.screenshot({ path: process.env.SCREENSHOT_DIR ? `${process.env.SCREENSHOT_DIR}/bell.png` : "test-results/screens/notifications-bell.png" });
  await panel.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAccessibleName("Notifications, 0 unread");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
});

test("an admin adds a webhook, sees its secret once, sends a test event and sees it in the delivery log", async ({ page }) => {
  await signInThroughForm(page, DEMO.admin.email, DEMO.admin.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New webhook" }).click();
  const url = `http://127.0.0.1:9/ui-${stamp}`;
  await page.getByLabel("Receiver URL").fill(url);
  await page.getByLabel("Description (optional)").fill("<b>UI</b> check");
  await page.getByRole("checkbox", { name: /Version retired/ }).uncheck();
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_[\w-]{43}$/);
  const section = page.getByRole("region", { name: url });
  await expect(section.getByText("<b>UI</b> check")).toBeVisible();
  await expect(section.getByRole("list", { name: "Events it receives" }).getByText("version.retired")).toHaveCount(0);
  await section.getByRole("button", { name: "Send test event" }).click();
  await expect(section.getByText("webhook.ping")).toBeVisible();
  await page.screenshot({ path: process.env.SCREENSHOT_DIR ? `${process.env.SCREENSHOT_DIR}/webhooks.png` : "test-results/screens/admin-webhooks.png", fullPage: true });
  await section.getByRole("button", { name: "Deactivate" }).click();
  await section.getByRole("button", { name: "Confirm deactivate" }).click();
  await expect(section.getByText("Inactive")).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await page.screenshot({ path: process.env.SCREENSHOT_DIR ? `${process.env.SCREENSHOT_DIR}/notifications.png` : "test-results/screens/notifications.png", fullPage: true });
});

test("an admin edits a webhook's URL, description and events in place; a bad URL is refused beside its field", async ({ page }) => {
  const admin = await asRole("admin");
  const before = `http://127.0.0.1:9/edit-${stamp}`;
  const created = await admin.post("/api/v1/admin/webhooks", { data: { url: before, description: "Before", events: ["review.submitted", "version.deployed"] } });
  expect(created.status()).toBe(201);
  await signInThroughForm(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/webhooks");
  let section = page.getByRole("region", { name: before });
  await section.getByRole("button", { name: `Edit webhook ${before}` }).click();
  const form = section.getByRole("form", { name: `Edit webhook ${before}` });
  await expect(form.getByLabel("Receiver URL")).toHaveValue(before);
  await expect(form.getByRole("checkbox", { name: /Version deployed/ })).toBeChecked();
  await form.getByLabel("Receiver URL").fill("ftp://example.com/hook");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Enter an http:// or https:// URL.")).toBeVisible();
  await expect(form.getByLabel("Receiver URL")).toHaveAttribute("aria-invalid", "true");

  const after = `http://127.0.0.1:9/edited-${stamp}`;
  await form.getByLabel("Receiver URL").fill(after);
  await form.getByLabel("Description (optional)").fill("After: the release pipeline");
  await form.getByRole("checkbox", { name: /Version deployed/ }).uncheck();
  await form.getByRole("checkbox", { name: /Version retired/ }).check();
  await form.getByRole("button", { name: "Save changes" }).click();
  section = page.getByRole("region", { name: after });
  await expect(section.getByText("After: the release pipeline")).toBeVisible();
  await expect(section.getByRole("status")).toContainText("Saved");
  const events = section.getByRole("list", { name: "Events it receives" });
  await expect(events.getByText("version.retired")).toBeVisible();
  await expect(events.getByText("version.deployed")).toHaveCount(0);
  await expect(page.getByRole("region", { name: before })).toHaveCount(0);
  const { webhooks } = await (await admin.get("/api/v1/admin/webhooks")).json();
  const saved = webhooks.find((w: { url: string }) => w.url === after);
  expect(saved).toMatchObject({ description: "After: the release pipeline" });
  expect([...saved.events].sort()).toEqual(["review.submitted", "version.retired"]);
});
