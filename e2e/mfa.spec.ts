import type { Browser, Page } from "@playwright/test";
import { codeFor, expect, rows, signIn, signInAs, test } from "./fixtures";

// Two-step sign-in as staff meet it: set up with the QR code's key in an authenticator app (computed here,
// as the phone would), asked for in every new browser before any patient data, recovery codes for a lost
// phone, and the clinic admin's switch that makes it required for everyone.

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Sets up two-step sign-in from the account page; returns the key as typed from the screen and the codes. */
async function enrol(page: Page, home: string) {
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText("Off.");
  await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
  await expect(page).toHaveURL("/account/mfa");
  await expect(
    page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg"),
  ).toBeVisible();
  // The key for typing into the app by hand, shown in groups of four.
  const shown = await page.locator("#totp-secret").innerText();
  expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
  const secret = shown.replaceAll(" ", "");
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

test("a clinician sets up two-step sign-in, then each new browser needs a code or a recovery code", async ({
  page,
  browser,
  people,
  db,
}) => {
  test.setTimeout(60_000);
  const kim = await people.clinician({ name: "Kim Novak" });
  await signInAs(page, kim);
  const { secret, codes } = await enrol(page, "/clinician");

  // A new browser: the password alone reaches only the code page.
  const second = await newPage(browser);
  await signIn(second, kim.email, kim.password);
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
  await signIn(third, kim.email, kim.password);
  await expect(third).toHaveURL("/mfa");
  await third.getByLabel("Code").fill(codes[0]!);
  await third.getByRole("button", { name: "Continue" }).click();
  await expect(third).toHaveURL("/clinician");
  const fourth = await newPage(browser);
  await signIn(fourth, kim.email, kim.password);
  await fourth.getByLabel("Code").fill(codes[0]!);
  await fourth.getByRole("button", { name: "Continue" }).click();
  await expect(fourth.getByText("That code did not work.")).toBeVisible();
  await expect(fourth).toHaveURL("/mfa");

  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText(
    "9 unused recovery codes",
  );

  // Turned off again with a recovery code.
  await page.getByLabel("Code from your app or a recovery code").fill(codes[1]!);
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText("Off.");
  await expect(page.getByRole("link", { name: "Set up two-step sign-in" })).toBeVisible();
  expect(await rows(db, "select totp_secret, totp_enabled_at from app_user where id = $1", [kim.id])).toEqual(
    [{ totp_secret: null, totp_enabled_at: null }],
  );
  for (const other of [second, third, fourth]) await other.context().close();
});

test("a clinic admin cannot require two-step sign-in before setting it up for themselves", async ({
  page,
  people,
  db,
}) => {
  const admin = await people.admin();
  await signInAs(page, admin);
  await page.getByLabel(/^Required/).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Set up two-step sign-in for your own account first")).toBeVisible();
  expect(await rows(db, "select mfa_required from clinic where id = $1", [admin.clinic.id])).toEqual([
    { mfa_required: false },
  ]);
});

test("the clinic admin requires two-step sign-in for all staff, and finds it in the audit trail", async ({
  page,
  browser,
  people,
}) => {
  test.setTimeout(60_000);
  const admin = await people.admin({ mfa: true });
  const robin = await people.clinician({ clinic: admin.clinic });
  await signInAs(page, admin);
  await expect(page.getByRole("row", { name: new RegExp(robin.name) })).toContainText("Off");
  await page.getByLabel(/^Required/).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Two-step sign-in is now required")).toBeVisible();

  const robinPage = await newPage(browser);
  await signIn(robinPage, robin.email, robin.password);
  await expect(robinPage).toHaveURL("/account/mfa");
  await expect(robinPage.getByText("Your clinic requires two-step sign-in")).toBeVisible();
  await robinPage.goto("/clinician");
  await expect(robinPage).toHaveURL("/account/mfa");

  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(robin.name) })).toContainText(
    "Not set up yet (required)",
  );
  await page.getByLabel(/^Optional/).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Two-step sign-in is now optional.")).toBeVisible();
  await robinPage.goto("/clinician");
  await expect(robinPage).toHaveURL("/clinician");
  await robinPage.context().close();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page).toHaveURL("/admin/audit");
  await page.getByLabel("Action").selectOption("clinic.mfa_required");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=clinic.mfa_required/);
  const rowsShown = page.getByRole("table").getByRole("row");
  await expect(rowsShown).toHaveCount(2); // the header and the one change
  await expect(rowsShown.nth(1)).toContainText(admin.name);
  await page.getByLabel("Action").selectOption("");
  await page.getByLabel("Person").selectOption({ label: `${robin.name} (clinician)` });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("table")).toContainText("Signed in");
  await expect(page.getByRole("table")).not.toContainText(admin.name);
  await page.goto("/admin/audit?to=2000-01-01");
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.goto("/admin/audit?from=not-a-date");
  await expect(page.getByText("Ignored a filter that could not be read: from date.")).toBeVisible();

  // Clinicians have no way in.
  const kim = await newPage(browser);
  await signInAs(kim, await people.clinician({ clinic: admin.clinic, name: "Kim Novak" }));
  expect((await kim.goto("/admin/audit"))!.status()).toBe(403);
  await kim.context().close();
});
