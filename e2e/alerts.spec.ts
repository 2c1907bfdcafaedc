import type { Page } from "@playwright/test";
import { expect, rows, signInAs, test, watchAlerts } from "./fixtures";

// A patient's warnings, a red flag and clearance, with their clinician watching. Each test makes its own
// clinic, clinician and patient on a plan with two weeks of logs.

/** A clear safety check-in: every session needs its own, made in the 2 hours before it is logged. */
async function checkInClear(page: Page, pain: string) {
  await page.goto("/patient/check-in");
  await page.getByLabel("Your pain right now (0-10)").fill(pain);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL("/patient/log");
}

async function fillSessionLog(
  page: Page,
  values: { before: string; after: string; worse?: boolean; notes?: string },
) {
  await page.getByLabel("Pain before").fill(values.before);
  await page.getByLabel("Pain after").fill(values.after);
  if (values.worse) await page.getByLabel("My pain got worse or spread").check();
  if (values.notes) await page.getByLabel("Notes").fill(values.notes);
  await page.getByRole("button", { name: "Save session" }).click();
}

/** Checks in, then logs a session with the check-in's pain as the pain before. */
async function logSession(
  page: Page,
  values: { before: string; after: string; worse?: boolean; notes?: string },
) {
  await checkInClear(page, values.before);
  await fillSessionLog(page, values);
}

test("a session log with bad input is refused next to the field and stores nothing", async ({
  page,
  people,
  db,
}) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  const count = () => rows(db, "select id from session_log where patient_id = $1", [patient.patientId]);
  const before = (await count()).length;
  await signInAs(page, patient);
  await checkInClear(page, "3");
  await fillSessionLog(page, { before: "3", after: "11" });
  await expect(page.getByText("Pain after is at most 10.")).toBeVisible();
  await expect(page.getByLabel("Pain after")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL("/patient/log");
  await page.getByLabel("Pain before").fill("");
  await page.getByLabel("Pain after").fill("4");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Choose pain before from 0 to 10.")).toBeVisible();
  await expect(page).toHaveURL("/patient/log");
  expect((await count()).length).toBe(before);
});

test("a patient logs a session whose pain got worse, is told to stop, and the clinician sees the warning", async ({
  page,
  browser,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await signInAs(page, patient);
  await logSession(page, { before: "3", after: "6", worse: true, notes: "<b>sharp</b> pain down the leg" });
  await expect(page).toHaveURL(/\/patient\/log\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Stop now and rest" })).toBeVisible();
  // Notes are text, never HTML.
  await expect(page.getByText("<b>sharp</b> pain down the leg")).toBeVisible();

  const robin = await browser.newPage();
  await signInAs(robin, clinician);
  const alerts = robin.getByRole("region", { name: /Alerts/ });
  await expect(
    alerts.getByText("Pain got worse or spread during the session (pain 3 before, 6 after)."),
  ).toBeVisible();
  await expect(alerts.getByText("Warning", { exact: true })).toBeVisible();
  await robin.getByLabel("Resolution note").fill("Called the patient; advised rest and ice.");
  await robin.getByRole("button", { name: "Resolve" }).click();
  await expect(alerts.getByText("No open alerts.")).toBeVisible();

  expect(
    await rows(
      db,
      `select severity::text, reason::text, status::text, resolved_by_id, resolution_note
         from alert where patient_id = $1`,
      [patient.patientId],
    ),
  ).toEqual([
    {
      severity: "WARNING",
      reason: "PAIN_WORSE_OR_SPREAD",
      status: "RESOLVED",
      resolved_by_id: clinician.id,
      resolution_note: "Called the patient; advised rest and ice.",
    },
  ]);
  await robin.close();
});

test("a red flag reaches the clinician's open page within 5 seconds, pauses logging, and clearance resumes it", async ({
  page,
  browser,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await people.patient({ clinician, name: "Sam Rivera" });
  const robin = await browser.newPage();
  const alerts = await watchAlerts(robin, clinician);
  await expect(alerts.getByText("No open alerts.")).toBeVisible();

  await signInAs(page, patient);
  await page.getByRole("link", { name: "Start a session" }).click();
  await expect(page).toHaveURL("/patient/check-in");
  await page.getByLabel("Tingling or numbness").check();
  await page.getByLabel("Your pain right now (0-10)").fill("8");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Seek immediate medical attention" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Tingling or numbness" })).toBeVisible();
  // Pain of 8 is a red flag of its own.
  await expect(page.getByText("Very severe pain (pain 8 out of 10)")).toBeVisible();
  await expect(page.getByText("Your exercise plan is paused until your clinician")).toBeVisible();

  // No reload on the clinician's page: the alert arrives over the stream.
  await expect(alerts.getByText("Urgent", { exact: true })).toBeVisible({ timeout: 5000 });
  await expect(
    alerts.getByText("Red flag reported: Tingling or numbness, Very severe pain (pain 8/10)."),
  ).toBeVisible();
  await expect(robin.getByRole("region", { name: "Patients" }).getByRole("listitem").first()).toContainText(
    patient.name,
  );
  expect(
    await rows(
      db,
      `select array(select unnest(r.flags)::text order by 1) as flags, r.pain_score, pa.status::text
         from red_flag_report r join patient pa on pa.id = r.patient_id where r.patient_id = $1`,
      [patient.patientId],
    ),
  ).toEqual([
    { flags: ["TINGLING_OR_NUMBNESS", "VERY_SEVERE_PAIN"], pain_score: 8, status: "PAUSED_RED_FLAG" },
  ]);

  await page.goto("/patient/log");
  await expect(page.getByRole("alert", { name: "Logging unavailable" })).toContainText(
    "Your exercise is paused",
  );
  await expect(page.getByRole("button", { name: "Save session" })).toHaveCount(0);

  await alerts.getByRole("button", { name: `Acknowledge alert for ${patient.name}` }).click();
  await expect(alerts.getByText(`Acknowledged by ${clinician.name}`)).toBeVisible();
  await alerts.getByRole("link", { name: patient.name }).click();
  const closing = robin.getByRole("group", { name: "Outcome" });
  await closing.getByLabel("Cleared by a doctor to exercise").check();
  await robin
    .getByLabel("Note", { exact: true })
    .fill("Seen by Dr Okafor today; cleared for light exercise.");
  await robin.getByRole("button", { name: "Record outcome" }).click();
  await expect(robin.getByText("Confirm that a doctor has cleared the patient to exercise.")).toBeVisible();
  await robin.getByLabel(`A doctor has cleared ${patient.name} to exercise again.`).check();
  await robin.getByRole("button", { name: "Record outcome" }).click();
  await expect(robin.getByText("Exercise is paused after a red flag")).toHaveCount(0);
  await expect(robin.getByRole("region", { name: /Open alerts/ }).getByText("No open alerts.")).toBeVisible();
  expect(
    await rows(db, "select clinician_id, outcome::text, note from clearance where patient_id = $1", [
      patient.patientId,
    ]),
  ).toEqual([
    {
      clinician_id: clinician.id,
      outcome: "CLEARED",
      note: "Seen by Dr Okafor today; cleared for light exercise.",
    },
  ]);

  await logSession(page, { before: "2", after: "2" });
  await expect(page.getByRole("heading", { name: "Session saved" })).toBeVisible();
  await robin.close();
});

test("the alert stream refuses anonymous visitors and patients", async ({ page, request, people }) => {
  expect((await request.get("/api/alerts/stream")).status()).toBe(401);
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await people.openWarning(patient, "Pain has risen over the last sessions.");
  await signInAs(page, patient);
  const response = await page.request.get("/api/alerts/stream");
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain("alert");
});
