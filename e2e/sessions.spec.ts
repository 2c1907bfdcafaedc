import { expect, rows, signIn, signInAs, test } from "./fixtures";

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context, people }) => {
  await signInAs(page, await people.clinician());
  const cookie = (await context.cookies()).find((candidate) =>
    candidate.name.endsWith("authjs.session-token"),
  );
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("after signing out, a replayed session cookie is refused", async ({
  page,
  context,
  browser,
  people,
}) => {
  const clinician = await people.clinician();
  await signInAs(page, clinician);
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

test("signing out everywhere ends the other browsers' sessions too", async ({
  page,
  browser,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const other = await browser.newPage();
  await signInAs(other, clinician);
  await signInAs(page, clinician);
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL("/login");
  await other.goto("/clinician");
  await expect(other).toHaveURL("/login");
  const open = await rows(db, "select id from auth_session where user_id = $1 and revoked_at is null", [
    clinician.id,
  ]);
  expect(open).toEqual([]);
  // A fresh sign-in works again.
  await signInAs(page, clinician);
  await other.close();
});

test("a disabled account is refused on its next request", async ({ page, people, db }) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  await signInAs(page, patient);
  await db.query("update app_user set disabled_at = now() where id = $1", [patient.id]);
  await page.goto("/patient");
  await expect(page).toHaveURL("/login");
});

test("a patient changes their password on the account page", async ({ page, browser, people }) => {
  const patient = await people.patient({ clinician: await people.clinician() });
  await signInAs(page, patient);
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByLabel("Current password").fill("wrong-password");
  await page.getByLabel("New password", { exact: true }).fill("bright autumn mornings");
  await page.getByLabel("Confirm new password").fill("bright autumn mornings");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right.")).toBeVisible();
  await page.getByLabel("Current password").fill(patient.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Other devices were signed out.")).toBeVisible();

  // The new password is the one that works now; the old one is refused.
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, patient.email, patient.password);
  await expect(elsewhere.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(elsewhere, patient.email, "bright autumn mornings");
  await expect(elsewhere).toHaveURL("/patient");
  await elsewhere.close();
});
