import { expect, rows, signIn, signInAs, test, watchAlerts } from "./fixtures";

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

test("next-auth's own sign-out route revokes the session: the old cookie is refused", async ({
  page,
  context,
  browser,
  people,
  db,
}) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  await signInAs(page, patient);
  const cookies = await context.cookies();
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signOut = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signOut.status()).toBe(302);

  const open = await rows(db, "select id from auth_session where user_id = $1 and revoked_at is null", [
    patient.id,
  ]);
  expect(open).toEqual([]);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const attacker = await replay.newPage();
  await attacker.goto("/patient");
  await expect(attacker).toHaveURL("/login");
  await replay.close();
});

test("an open alerts page stops its stream and says so within 15 s of signing out everywhere", async ({
  page,
  browser,
  people,
}) => {
  test.setTimeout(45_000);
  const clinician = await people.clinician();
  await watchAlerts(page, clinician);
  const other = await browser.newPage();
  await signInAs(other, clinician);
  await other.getByRole("link", { name: "Account" }).click();
  await other.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("status").filter({ hasText: "your session has ended" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole("link", { name: "Sign in again" })).toBeVisible();
  await other.close();
});

test("the sign-in audit records the connection's address, not a forged X-Forwarded-For", async ({
  page,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66" });
  await signIn(page, clinician.email, "not the password");
  await expect(page.getByText("That email and password do not match")).toBeVisible();
  const [event] = await rows<{ address: string }>(
    db,
    "select metadata->>'address' as address from audit_event where actor_id = $1 and action = 'auth.sign_in_failed'",
    [clinician.id],
  );
  expect(event?.address).toBe("127.0.0.1");
});
