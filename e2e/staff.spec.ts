import { expect, rows, signIn, signInAs, test } from "./fixtures";
import { clinicalDetailsIn, linksIn, mailTo } from "./support/mailbox";

test("an admin invites a second clinician, who accepts from the e-mail, signs in and takes over a colleague's patients", async ({
  page,
  browser,
  people,
  db,
}) => {
  const admin = await people.admin();
  const robin = await people.clinician({ clinic: admin.clinic });
  const alex = await people.patient({ clinician: robin, plan: true });
  const name = people.uniqueName("Dana Okafor");
  const email = people.uniqueEmail("new.clinician");

  await signInAs(page, admin);
  await page.getByRole("link", { name: "Staff", exact: true }).click();
  await expect(page).toHaveURL("/admin/staff");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(robin.email);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("This email belongs to a member of your clinic's staff.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`${name} was added and the invitation was emailed to ${email}.`)).toBeVisible();
  await expect(page.getByLabel("Invitation link")).toHaveCount(0);
  const staff = page.getByRole("region", { name: "Staff" });
  await expect(staff.getByRole("row", { name: new RegExp(name) })).toContainText("Invited");

  const invitation = await mailTo(email);
  expect(invitation.subject).toBe(`${admin.name} invited you to Backcare`);
  expect(invitation.text).toContain("as a clinician");
  expect(clinicalDetailsIn(invitation)).toEqual([]);
  const [link] = linksIn(invitation);

  const dana = await browser.newPage();
  await dana.goto(link!);
  await expect(dana.getByRole("heading", { name: `Welcome, ${name.split(" ")[0]}` })).toBeVisible();
  await expect(
    dana.getByText("Choose a password to join your clinic's Backcare as a clinician."),
  ).toBeVisible();
  await dana.getByLabel("New password").fill("bright river morning");
  await dana.getByLabel("Confirm password").fill("bright river morning");
  await dana.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(dana).toHaveURL(/\/clinician$/);
  await dana.getByRole("button", { name: "Sign out" }).click();
  await expect(dana).toHaveURL(/\/login/);
  await signIn(dana, email, "bright river morning");
  await expect(dana).toHaveURL(/\/clinician$/);
  const [danaRow] = await rows<{ id: string }>(
    db,
    "select id from app_user where email = $1 and role = 'CLINICIAN' and clinic_id = $2",
    [email, admin.clinic.id],
  );
  const danaId = danaRow!.id;

  // Robin cannot be deactivated while Alex is theirs; the admin hands all of Robin's patients to Dana.
  await page.reload();
  page.once("dialog", (dialog) => void dialog.accept());
  await staff.getByRole("button", { name: `Deactivate ${robin.name}` }).click();
  await expect(
    page.getByText("Reassign this clinician's patients to another clinician first."),
  ).toBeVisible();
  await page.getByLabel("Patients of").selectOption({ label: `${robin.name} (1 patient)` });
  await page.getByLabel("Move all of them to").selectOption({ label: name });
  await page.getByRole("button", { name: "Reassign all patients" }).click();
  await expect(page.getByText("1 patient was reassigned.")).toBeVisible();
  expect(await rows(db, "select clinician_id from patient where id = $1", [alex.patientId])).toEqual([
    { clinician_id: danaId },
  ]);

  await dana.reload();
  await expect(
    dana.getByRole("region", { name: "Patients" }).getByRole("link", { name: alex.name }),
  ).toBeVisible();
  // Alex's page names Dana as their clinician, and offers every active clinician of the clinic, Robin too.
  await dana.goto(`/clinician/patients/${alex.patientId}`);
  await expect(dana.getByLabel("Assigned clinician")).toHaveValue(danaId);
  const options = dana.getByLabel("Assigned clinician").locator("option");
  await expect(options).toHaveText([name, robin.name].sort());

  // Now Robin can go, and a browser Robin is signed in on is refused at its next request.
  const robinPage = await browser.newPage();
  await signInAs(robinPage, robin);
  await page.reload();
  page.once("dialog", (dialog) => void dialog.accept());
  await staff.getByRole("button", { name: `Deactivate ${robin.name}` }).click();
  await expect(page.getByText("The account was deactivated and signed out everywhere.")).toBeVisible();
  await robinPage.goto("/clinician");
  await expect(robinPage).toHaveURL(/\/login/);
  await dana.goto(`/clinician/patients/${alex.patientId}`);
  await expect(dana.getByLabel("Assigned clinician").locator("option")).toHaveText([name]);
  await dana.close();
  await robinPage.close();
});

test("the admin changes the clinic's settings, refused until valid, and a paused patient is told the new number", async ({
  page,
  browser,
  people,
}) => {
  const admin = await people.admin();
  const patient = await people.patient({
    clinician: await people.clinician({ clinic: admin.clinic }),
    plan: true,
  });
  await signInAs(page, admin);
  await page.goto("/admin/settings");
  await page.getByLabel("Clinic name").fill("Harbour Physio");
  await page.getByLabel("Phone").fill("ring us");
  await page.getByLabel("Time zone").fill("Atlantis/Lost_City");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Choose a time zone from the list, such as Europe/London.")).toBeVisible();
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Phone").fill("+353 1 555 0100");
  await page.getByLabel("Time zone").fill("Europe/Dublin");
  await page.getByLabel("Emergency number").fill("112");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Patients paused by a red flag are told to call 112.")).toBeVisible();

  const patientPage = await browser.newPage();
  await signInAs(patientPage, patient);
  await patientPage.goto("/patient/plan/print");
  await expect(patientPage.getByText("In an emergency, call 112.")).toBeVisible();
  await patientPage.goto("/patient/check-in");
  await patientPage.getByLabel("Unable to walk").check();
  await patientPage.getByRole("button", { name: "Continue" }).click();
  await expect(patientPage.getByRole("heading", { name: "Seek immediate medical attention" })).toBeVisible();
  await expect(patientPage.getByRole("link", { name: /Call 112/ })).toHaveAttribute("href", "tel:112");
  await patientPage.close();
});
