import { expect, rows, signInAs, test } from "./fixtures";
import { clinicalDetailsIn, linksIn, mailTo } from "./support/mailbox";
import { FIRST_SESSION_NOTE } from "./support/plans";

test("a clinician invites a new patient by email, who sets a password once and lands on /patient", async ({
  page,
  browser,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const name = people.uniqueName("Noor Haddad");
  const email = people.uniqueEmail("new.patient");
  await signInAs(page, clinician);
  await page.getByRole("link", { name: "Add a patient" }).click();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Add patient and create invitation" }).click();
  await expect(page.getByText("Give a valid email address.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add patient and create invitation" }).click();
  await expect(page.getByText(`${name} was added and the invitation was emailed to ${email}.`)).toBeVisible();
  // E-mailed, so not shown: whoever reads the screen cannot use it.
  await expect(page.getByLabel("Invitation link")).toHaveCount(0);
  const invitation = await mailTo(email);
  expect(invitation.subject).toBe(`${clinician.name} invited you to Backcare`);
  expect(clinicalDetailsIn(invitation)).toEqual([]);
  const [link] = linksIn(invitation);
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);

  const patient = await browser.newPage();
  await patient.goto(link!);
  await expect(patient.getByRole("heading", { name: "Welcome, Noor" })).toBeVisible();
  await patient.getByLabel("New password").fill("password1234");
  await patient.getByLabel("Confirm password").fill("password1234");
  await patient.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(patient.getByText("That password is too common and easy to guess.")).toBeVisible();
  await patient.getByLabel("New password").fill("slow river stones");
  await patient.getByLabel("Confirm password").fill("slow river stones");
  await patient.getByRole("button", { name: "Set password and sign in" }).click();
  // On the configured host (APP_URL) the link was built on, which need not be the one this suite browses.
  await expect(patient).toHaveURL(/^http:\/\/localhost:\d+\/patient$/);
  await expect(
    patient.getByText(`You have no plan yet. ${clinician.name} will set one up for you.`),
  ).toBeVisible();
  expect(
    await rows(
      db,
      `select u.role::text, pa.clinician_id, (i.used_at is not null) as used
         from app_user u join patient pa on pa.user_id = u.id join invitation i on i.patient_id = pa.id
        where u.email = $1`,
      [email],
    ),
  ).toEqual([{ role: "PATIENT", clinician_id: clinician.id, used: true }]);

  const again = await browser.newPage();
  await again.goto(link!);
  await expect(again.getByRole("alert", { name: "Invitation refused" })).toHaveText(
    "This invitation has already been used. Sign in with your email and password.",
  );
  await again.goto("/invite/this-token-was-never-issued-by-anyone");
  await expect(again.getByRole("alert", { name: "Invitation refused" })).toHaveText(
    "This invitation link is not valid. Ask your clinician for a new one.",
  );

  await page.goto(`/clinician?q=${encodeURIComponent(name.split(" ")[0]!)}`);
  await expect(page.getByRole("region", { name: "Patients" }).getByRole("link", { name })).toBeVisible();
  await patient.close();
  await again.close();
});

test("the patient page shows the pain chart with its text alternative, and the print page renders the plan", async ({
  page,
  people,
}) => {
  const clinician = await people.clinician();
  const alex = await people.patient({ clinician, plan: true });
  await signInAs(page, clinician);
  await page.getByRole("region", { name: "Patients" }).getByRole("link", { name: alex.name }).click();
  const chart = page.getByRole("img", {
    name: new RegExp(`${alex.name}'s pain before and after sessions: 11 sessions from`),
  });
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  await page.getByText("Pain scores as a table").click();
  await expect(
    page.getByRole("table", { name: `${alex.name}'s pain before and after sessions` }).getByRole("row"),
  ).toHaveCount(12); // the header and one row a session
  await expect(page.getByRole("table", { name: "Sessions by week" })).toBeVisible();
  await expect(page.getByText(FIRST_SESSION_NOTE)).toBeVisible();

  await page.getByRole("link", { name: "Printable plan" }).click();
  await expect(page.getByRole("heading", { name: alex.name })).toBeVisible();
  await expect(page.getByText(`From ${clinician.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Walking/ })).toBeVisible();
  await expect(page.getByText("Warm up first.")).toBeVisible();
  await expect(page.getByText("does not replace professional medical advice")).toBeVisible();
  // On paper, only the handout: no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print this plan" })).toBeHidden();
  await expect(page.getByRole("heading", { name: /Walking/ })).toBeVisible();
});

test("a patient sees their progress in plain words", async ({ page, people }) => {
  const alex = await people.patient({ clinician: await people.clinician(), plan: true });
  await signInAs(page, alex);
  await page.getByRole("link", { name: "Progress" }).click();
  await expect(
    page.getByText(/Your pain after sessions has dropped \d(\.\d)? points? since you started/),
  ).toBeVisible();
  await expect(page.getByText("This week")).toBeVisible();
  await expect(page.getByRole("img", { name: /Your pain before and after sessions/ })).toBeVisible();
});
