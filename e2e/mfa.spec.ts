import { expect, test, type Browser, type Page } from "@playwright/test";
import { stepAt, totpCode } from "../lib/auth/totp";
import { demo, signIn, signInAs } from "./support";

// Two-step sign-in as staff meet it: set up with the QR code's key in an authenticator app (computed here,
// as the phone would), asked for in every new browser before any patient data, recovery codes for a lost
// phone, and the clinic admin's switch that makes it required for everyone.

const codeFor = (secret: string, offsetSteps = 0) => totpCode(secret, stepAt(new Date()) + offsetSteps);

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Sets up two-step sign-in from the account page; returns the app's secret and the recovery codes. */
async function enrol(page: Page, home: string) {
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText("Off.");
  await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
  await expect(page).toHaveURL("/account/mfa");
  await expect(
    page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg"),
  ).toBeVisible();
  const secret = (await page.locator("#totp-secret").getAttribute("data-secret"))!;
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("6-digit code").fill("12345");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByText("Enter the 6-digit code your authenticator app shows.")).toBeVisible();
  await page.getByLabel("6-digit code").fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allTextContents();
  await page.getByRole("link", { name: "I have saved my codes, continue" }).click();
  await expect(page).toHaveURL(home);
  return { secret, codes };
}

/** Turns two-step sign-in off again with a recovery code, so later specs sign in with a password alone. */
async function turnOff(page: Page, recoveryCode: string) {
  await page.goto("/account");
  await page.getByLabel("Code from your app or a recovery code").fill(recoveryCode);
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText("Off.");
  await expect(page.getByRole("link", { name: "Set up two-step sign-in" })).toBeVisible();
}

test("a clinician sets up two-step sign-in, then each new browser needs a code or a recovery code", async ({
  page,
  browser,
}) => {
  await signInAs(page, demo.otherClinician, "/clinician");
  const { secret, codes } = await enrol(page, "/clinician");

  // A new browser: the password alone reaches only the code page.
  const second = await newPage(browser);
  await signIn(second, demo.otherClinician);
  await expect(second).toHaveURL("/mfa");
  await second.goto("/clinician");
  await expect(second).toHaveURL("/mfa");
  expect((await second.request.get("/api/alerts/stream")).status()).toBe(401);
  await second.getByLabel("Code").fill("000000");
  await second.getByRole("button", { name: "Continue" }).click();
  await expect(second.getByText("That code did not work.")).toBeVisible();
  await second.getByLabel("Code").fill(codeFor(secret, 1));
  await second.getByRole("button", { name: "Continue" }).click();
  await expect(second).toHaveURL("/clinician");
  await expect(second.getByRole("heading", { name: "Patients" })).toBeVisible();

  // A lost phone: a recovery code works once.
  const third = await newPage(browser);
  await signIn(third, demo.otherClinician);
  await expect(third).toHaveURL("/mfa");
  await third.getByLabel("Code").fill(codes[0]!);
  await third.getByRole("button", { name: "Continue" }).click();
  await expect(third).toHaveURL("/clinician");
  const fourth = await newPage(browser);
  await signIn(fourth, demo.otherClinician);
  await fourth.getByLabel("Code").fill(codes[0]!);
  await fourth.getByRole("button", { name: "Continue" }).click();
  await expect(fourth.getByText("That code did not work.")).toBeVisible();
  await expect(fourth).toHaveURL("/mfa");

  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText(
    "9 unused recovery codes",
  );
  await turnOff(page, codes[1]!);
  for (const other of [second, third, fourth]) await other.context().close();
});

test("the clinic admin requires two-step sign-in for all staff, and finds it in the audit trail", async ({
  page,
  browser,
}) => {
  await signInAs(page, demo.admin, "/admin");
  await expect(page.getByRole("row", { name: /Robin Patel/ })).toContainText("Off");
  // The admin cannot require what they have not set up themselves.
  await page.getByLabel(/^Required/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Set up two-step sign-in for your own account first")).toBeVisible();
  const { codes } = await enrol(page, "/admin");
  await page.getByLabel(/^Required/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Two-step sign-in is now required")).toBeVisible();

  const robin = await newPage(browser);
  await signIn(robin, demo.clinician);
  await expect(robin).toHaveURL("/account/mfa");
  await expect(robin.getByText("Your clinic requires two-step sign-in")).toBeVisible();
  await robin.goto("/clinician");
  await expect(robin).toHaveURL("/account/mfa");

  await page.reload();
  await expect(page.getByRole("row", { name: /Robin Patel/ })).toContainText("Not set up yet (required)");
  await page.getByLabel(/^Optional/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Two-step sign-in is now optional.")).toBeVisible();
  await robin.goto("/clinician");
  await expect(robin).toHaveURL("/clinician");
  await robin.context().close();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page).toHaveURL("/admin/audit");
  await page.getByLabel("Action").selectOption("clinic.mfa_required");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=clinic.mfa_required/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the one change
  await expect(rows.nth(1)).toContainText("Casey Quinn");
  await page.getByLabel("Action").selectOption("");
  await page.getByLabel("Person").selectOption({ label: "Robin Patel (clinician)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("table")).toContainText("auth.sign_in");
  await expect(page.getByRole("table")).not.toContainText("Casey Quinn");
  await page.goto("/admin/audit?to=2000-01-01");
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.goto("/admin/audit?from=not-a-date");
  await expect(page.getByText("Ignored a filter that could not be read: from date.")).toBeVisible();

  await turnOff(page, codes[0]!);

  // Clinicians have no way in.
  const kim = await newPage(browser);
  await signInAs(kim, demo.otherClinician, "/clinician");
  expect((await kim.goto("/admin/audit"))!.status()).toBe(403);
  await kim.context().close();
});
