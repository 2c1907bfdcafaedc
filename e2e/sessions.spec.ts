import { expect, test } from "@playwright/test";
import pg from "pg";
import { demo, signInAs } from "./support";

// The e2e server's embedded PostgreSQL (see playwright.config.ts and scripts/serve.ts).
const E2E_DATABASE = "postgresql://backcare:backcare-local@127.0.0.1:54332/backcare";

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAs(page, demo.clinician, "/clinician");
  const cookie = (await context.cookies()).find((candidate) =>
    candidate.name.endsWith("authjs.session-token"),
  );
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("after signing out, a replayed session cookie is refused", async ({ page, context, browser }) => {
  await signInAs(page, demo.clinician, "/clinician");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/login");

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const attacker = await replay.newPage();
  await attacker.goto("/clinician");
  await expect(attacker).toHaveURL("/login");
  await replay.close();
});

test("signing out everywhere ends the other browsers' sessions too", async ({ page, browser }) => {
  const other = await browser.newPage();
  await signInAs(other, demo.clinician, "/clinician");
  await signInAs(page, demo.clinician, "/clinician");
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL("/login");
  await other.goto("/clinician");
  await expect(other).toHaveURL("/login");
  // A fresh sign-in works again.
  await signInAs(page, demo.clinician, "/clinician");
});

test("a disabled account is refused on its next request", async ({ page }) => {
  const database = new pg.Client({ connectionString: E2E_DATABASE });
  await database.connect();
  try {
    await signInAs(page, demo.otherPatient, "/patient");
    await database.query("update app_user set disabled_at = now() where email = $1", [demo.otherPatient]);
    await page.goto("/patient");
    await expect(page).toHaveURL("/login");
  } finally {
    await database.query("update app_user set disabled_at = null where email = $1", [demo.otherPatient]);
    await database.end();
  }
});

test("a patient changes their password on the account page", async ({ page }) => {
  await signInAs(page, demo.patientWithoutPlan, "/patient");
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByLabel("Current password").fill("wrong-password");
  await page.getByLabel("New password", { exact: true }).fill("bright autumn mornings");
  await page.getByLabel("Confirm new password").fill("bright autumn mornings");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right.")).toBeVisible();
  await page.getByLabel("Current password").fill("demo-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Other devices were signed out.")).toBeVisible();
  // Put the demo password back for the tests that follow.
  await page.getByLabel("Current password").fill("bright autumn mornings");
  await page.getByLabel("New password", { exact: true }).fill("demo-password");
  await page.getByLabel("Confirm new password").fill("demo-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
});
