import type { Page } from "@playwright/test";
import { expect, rows, signInAs, test, watchAlerts } from "./fixtures";

// The red-flag path as a patient and their clinician meet it: a red flag is never lost to a blank answer,
// the advice to seek care stays on every page while the plan is paused, and the clinician closes the red
// flag with what really happened. Each test makes its own clinic, clinician and patient on a plan.

async function reportRedFlag(page: Page, symptom: string) {
  await page.goto("/patient/check-in");
  await page.getByLabel(symptom).check();
  // The pain box is left blank: a red flag never waits for it.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Seek immediate medical attention" })).toBeVisible();
}

test("a red flag with the pain left blank reaches the clinician's open page within 5 seconds", async ({
  page,
  browser,
  people,
  db,
}) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  const clinicianPage = await (await browser.newContext()).newPage();
  const alerts = await watchAlerts(clinicianPage, patient.clinician);
  await expect(alerts.getByText("No open alerts.")).toBeVisible();

  await signInAs(page, patient);
  await reportRedFlag(page, "Trouble controlling bowels or bladder");
  await expect(
    page.getByRole("listitem").filter({ hasText: "Trouble controlling bowels or bladder" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");

  // No reload on the clinician's page: the alert arrives over the stream.
  await expect(alerts.getByText("Urgent", { exact: true })).toBeVisible({ timeout: 5_000 });
  await expect(
    alerts.getByText("Red flag reported: Trouble controlling bowels or bladder (pain not given)."),
  ).toBeVisible();
  const stored = await rows<{ pain_score: number | null; flags: string }>(
    db,
    "select pain_score, flags::text from red_flag_report where patient_id = $1",
    [patient.patientId],
  );
  expect(stored).toEqual([{ pain_score: null, flags: "{BOWEL_OR_BLADDER_CONTROL}" }]);
  await clinicianPage.context().close();
});

test("a paused patient's pages lead with the advice and the emergency number, and hide the plan", async ({
  page,
  people,
  db,
}) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  await db.query("update clinic set emergency_number = '112' where id = $1", [patient.clinic.id]);
  await signInAs(page, patient);
  await expect(page.getByRole("heading", { name: "Walking" })).toBeVisible();
  await reportRedFlag(page, "Pain, numbness or weakness in both legs");

  for (const path of ["/patient", "/patient/progress", "/patient/log", "/patient/plan/print"]) {
    await page.goto(path);
    const advice = page.getByRole("region", { name: "Seek immediate medical attention" });
    await expect(advice, path).toBeVisible();
    await expect(advice.getByText("Pain, numbness or weakness in both legs"), path).toBeVisible();
    await expect(advice.getByRole("link", { name: "Call 112" }), path).toHaveAttribute("href", "tel:112");
  }
  await page.goto("/patient");
  await expect(page.getByRole("heading", { name: "Walking" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Today's plan" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Start a session" })).toHaveCount(0);
});

test("a clinician closes a red flag as referred for urgent care, and the patient stays paused", async ({
  page,
  browser,
  people,
  db,
}) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  await signInAs(page, patient);
  await reportRedFlag(page, "Numbness around your bottom, genitals or inner thighs");

  const clinicianPage = await (await browser.newContext()).newPage();
  await signInAs(clinicianPage, patient.clinician);
  await clinicianPage.goto(`/clinician/patients/${patient.patientId}`);
  await expect(clinicianPage.getByText("The red flag you are closing")).toBeVisible();
  await clinicianPage.getByRole("button", { name: "Record outcome" }).click();
  await expect(clinicianPage.getByText("Choose how the red flag was closed.")).toBeVisible();
  await clinicianPage.getByLabel(/Referred for urgent care/).check();
  await clinicianPage
    .getByLabel("Note", { exact: true })
    .fill("Sent to the emergency department by ambulance.");
  await clinicianPage.getByRole("button", { name: "Record outcome" }).click();
  await expect(
    clinicianPage.getByText(
      "Referral recorded. The patient's plan stays paused until a doctor clears them to exercise.",
    ),
  ).toBeVisible();
  await expect(
    clinicianPage.getByText("Referred for urgent care · recorded by " + patient.clinician.name, {
      exact: false,
    }),
  ).toBeVisible();
  await expect(
    clinicianPage.getByRole("region", { name: /Open alerts/ }).getByText("No open alerts."),
  ).toBeVisible();

  const [state] = await rows<{ status: string; plan: string; alert: string; note: string }>(
    db,
    `select p.status, pl.status as plan, a.status as alert, a.resolution_note as note
       from patient p join plan pl on pl.patient_id = p.id join alert a on a.patient_id = p.id
      where p.id = $1`,
    [patient.patientId],
  );
  expect(state).toEqual({
    status: "PAUSED_RED_FLAG",
    plan: "PAUSED",
    alert: "RESOLVED",
    note: "Referred for urgent care: Sent to the emergency department by ambulance.",
  });

  // The patient is still told to seek care, and still cannot log a session.
  await page.goto("/patient");
  await expect(page.getByRole("heading", { name: "Seek immediate medical attention" })).toBeVisible();
  await page.goto("/patient/log");
  await expect(page.getByRole("alert", { name: "Logging unavailable" })).toContainText(
    "Your exercise is paused",
  );
  await clinicianPage.context().close();
});
