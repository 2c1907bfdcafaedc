import { expect, rows, signIn, signInAs, test } from "./fixtures";
import { clinicalDetailsIn, linksIn, mailCount, mailTo } from "./support/mailbox";
import { FIRST_SESSION_NOTE } from "./support/plans";

const NEW_PASSWORD = "amber lanterns drifting";
// Links are built on the server's configured address (APP_URL, http://localhost:<port>), not on the Host the
// browser sent (127.0.0.1:<port>). A forged X-Forwarded-Host cannot be sent from here: Next.js refuses a
// server action whose Origin does not match it; tests/integration covers forged headers.
const RESET_LINK = /^http:\/\/localhost:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/;

test("a patient who forgot their password resets it by email; the link works once and signs out every other browser", async ({
  page,
  browser,
  people,
  db,
}) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  const elsewhere = await browser.newPage();
  await signInAs(elsewhere, patient);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("Enter the email address you sign in with.")).toBeVisible();
  await page.getByLabel("Email").fill(patient.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  const answer = page.getByText("If that address has a Backcare account, we have emailed it a link");
  await expect(answer).toBeVisible();

  const message = await mailTo(patient.email);
  expect(message.subject).toBe("Reset your Backcare password");
  const [link] = linksIn(message);
  expect(link).toMatch(RESET_LINK);
  expect(message.text).not.toContain("127.0.0.1");
  expect(clinicalDetailsIn(message, [FIRST_SESSION_NOTE, patient.clinician.name])).toEqual([]);

  const reset = await browser.newPage();
  await reset.goto(link!);
  await expect(reset.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await reset.getByLabel("New password").fill("password1234");
  await reset.getByLabel("Confirm password").fill("password1234");
  await reset.getByRole("button", { name: "Set new password" }).click();
  await expect(reset.getByText("That password is too common and easy to guess.")).toBeVisible();
  await reset.getByLabel("New password").fill(NEW_PASSWORD);
  await reset.getByLabel("Confirm password").fill(NEW_PASSWORD);
  await reset.getByRole("button", { name: "Set new password" }).click();
  await expect(
    reset.getByText("Your new password is set, and you have been signed out everywhere."),
  ).toBeVisible();

  // The browser signed in before the reset is signed out.
  await elsewhere.goto("/patient");
  await expect(elsewhere).toHaveURL(/\/login/);
  expect(
    await rows(
      db,
      `select count(*)::int as open from auth_session where user_id = $1 and revoked_at is null`,
      [patient.id],
    ),
  ).toEqual([{ open: 0 }]);

  await signIn(page, patient.email, patient.password);
  await expect(
    page.getByText("That email and password do not match an account.", { exact: false }),
  ).toBeVisible();
  await signIn(page, patient.email, NEW_PASSWORD);
  await expect(page).toHaveURL("/patient");

  await reset.goto(link!);
  await expect(reset.getByRole("alert", { name: "Reset link refused" })).toHaveText(
    "This password reset link has already been used. Sign in with your new password, or ask for a new link.",
  );
  await reset.close();
  await elsewhere.close();
});

test("the forgot-password page answers an unknown address in the same words, and sends nothing", async ({
  page,
  people,
}) => {
  const unknown = people.uniqueEmail("nobody");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(unknown);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(
    page.getByText(
      "If that address has a Backcare account, we have emailed it a link to choose a new password. The link works once, for 30 minutes.",
    ),
  ).toBeVisible();
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL("/login");
  expect(mailCount(unknown)).toBe(0);
});

test("a clinician's reset link for a patient is emailed to the patient and never shown", async ({
  page,
  browser,
  people,
}) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await signInAs(page, clinician);
  await page.goto(`/clinician/patients/${patient.patientId}`);
  await page.getByRole("button", { name: "Email a password reset link" }).click();
  await expect(page.getByText(`A new password reset link was emailed to ${patient.email}`)).toBeVisible();
  await expect(page.getByLabel("Invitation link")).toHaveCount(0);

  const message = await mailTo(patient.email);
  expect(message.subject).toBe("Choose a new Backcare password");
  expect(clinicalDetailsIn(message, [FIRST_SESSION_NOTE])).toEqual([]);
  const [link] = linksIn(message);
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
  const reset = await browser.newPage();
  await reset.goto(link!);
  await expect(reset.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await reset.close();
});
