import { TZDate } from "@date-fns/tz";
import { formatDayMonth, localDay } from "../lib/time";
import { expect, signInAs, test } from "./fixtures";
import { logSessionAt } from "./support/plans";

// Every date and time is shown in the clinic's time zone (or the person's own), already in the HTML the
// server sends. A session at 23:30 in New York is 04:30 the next day in UTC: it must stay on its own day.

const NEW_YORK = "America/New_York";

/** 23:30 yesterday in New York, as an instant. */
function lateLastNight(): Date {
  const [year, month, day] = localDay(new Date(Date.now() - 24 * 60 * 60 * 1000), NEW_YORK)
    .split("-")
    .map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, 23, 30, NEW_YORK).getTime());
}

test("a New York clinic sees a session logged at 23:30 on its own local day, patient and clinician alike", async ({
  browser,
  people,
  db,
}) => {
  const clinic = await people.clinic({ name: "Hudson Physio" });
  await db.query("update clinic set time_zone = $1 where id = $2", [NEW_YORK, clinic.id]);
  const clinician = await people.clinician({ clinic });
  const patient = await people.patient({ clinician, plan: true, logs: false });
  const performedAt = lateLastNight();
  const logId = await logSessionAt(db, {
    patientId: patient.patientId,
    planId: patient.plan!.id,
    versionId: patient.plan!.versionId,
    exerciseIds: patient.plan!.exerciseIds,
    performedAt,
  });
  const localDate = formatDayMonth(performedAt, NEW_YORK); // e.g. "29 Nov"
  expect(localDate, "the UTC day differs, or this test proves nothing").not.toBe(
    formatDayMonth(performedAt, "UTC"),
  );
  const when = new RegExp(`${localDate} \\d{4}, 23:30 E[SD]T`);

  // The patient: the session's page names the time and zone, in the server's HTML before any script runs.
  const patientPage = await (await browser.newContext()).newPage();
  await signInAs(patientPage, patient);
  const html = await (await patientPage.request.get(`/patient/log/${logId}`)).text();
  expect(html).toMatch(when);
  await patientPage.goto(`/patient/log/${logId}`);
  await expect(patientPage.getByText(when)).toBeVisible();
  await patientPage.goto("/patient/progress");
  await patientPage.getByText("Pain scores as a table").click();
  await expect(patientPage.getByRole("cell", { name: localDate, exact: true })).toBeVisible();
  await expect(
    patientPage.getByRole("cell", { name: formatDayMonth(performedAt, "UTC"), exact: true }),
  ).toHaveCount(0);

  // The clinician: the triage list's last session and the record's session history, on the same day.
  const clinicianPage = await (await browser.newContext()).newPage();
  await signInAs(clinicianPage, clinician);
  await expect(clinicianPage.getByText(`Last session ${localDate}`)).toBeVisible();
  await clinicianPage.goto(`/clinician/patients/${patient.patientId}`);
  const history = clinicianPage.getByRole("region", { name: "Session history" });
  await expect(history.getByText(when)).toBeVisible();

  // A patient who moved may choose their own zone: the same session is then early the next morning in London.
  await patientPage.goto("/account");
  await patientPage.getByRole("combobox", { name: "Time zone" }).selectOption("Europe/London");
  await patientPage.getByRole("button", { name: "Save time zone" }).click();
  await expect(patientPage.getByText("Dates and times are now shown in Europe/London.")).toBeVisible();
  await patientPage.goto(`/patient/log/${logId}`);
  await expect(patientPage.getByText(/, 0[34]:30 (GMT|BST)/)).toBeVisible();
  // ... and back to the clinic's.
  await patientPage.goto("/account");
  await expect(patientPage.getByRole("combobox", { name: "Time zone" })).toHaveValue("Europe/London");
  await patientPage.getByRole("combobox", { name: "Time zone" }).selectOption("");
  await patientPage.getByRole("button", { name: "Save time zone" }).click();
  await expect(
    patientPage.getByText("Dates and times are now shown in your clinic's time zone."),
  ).toBeVisible();
  await patientPage.goto(`/patient/log/${logId}`);
  await expect(patientPage.getByText(when)).toBeVisible();
});
