import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, rows, signInAs, test } from "./fixtures";

// axe finds no serious or critical violation on the pages clinicians and patients use most, at a phone's
// width and a desktop's.
const WIDTHS = [375, 1280];
// Each test runs axe on several pages at two widths, which takes more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function expectNoSeriousViolations(page: Page, path: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    // The page itself, not one it redirected to.
    await expect(page).toHaveURL(path);
    await page.waitForLoadState("networkidle").catch(() => {});
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} at ${width}px on ${path}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
    expect(serious).toEqual([]);
  }
}

test("sign-in page", async ({ page }) => {
  await expectNoSeriousViolations(page, "/login");
  await expectNoSeriousViolations(page, "/forgot-password");
});

test("clinician pages", async ({ page, people }) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await people.patient({ clinician, name: "Sam Rivera" });
  // An open alert, so that the dashboard's alert list and badges are checked too.
  await people.openWarning(patient, "Pain after sessions has risen two sessions in a row.");
  await signInAs(page, clinician);
  await expect(
    page.getByRole("region", { name: /Alerts/ }).getByText("Warning", { exact: true }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, "/clinician");
  await expectNoSeriousViolations(page, `/clinician/patients/${patient.patientId}`);
  await expectNoSeriousViolations(page, "/clinician/exercises");
  await expectNoSeriousViolations(page, `/clinician/patients/${patient.patientId}/plan`);
});

test("a discharged patient's page, with their history and contact details", async ({ page, people, db }) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await db.query(
    `update patient set phone = '07700 900123', preferred_contact = 'TEXT', referral_reason = 'Lower back pain.',
       emergency_contact_name = 'Ada', emergency_contact_phone = '07700 900456' where id = $1`,
    [patient.patientId],
  );
  await signInAs(page, clinician);
  await page.goto(`/clinician/patients/${patient.patientId}`);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Discharge ${patient.name}` }).click();
  // The page re-renders as a discharged patient's: the discharge form gives way to re-admission.
  await expect(page.getByRole("button", { name: `Re-admit ${patient.name}` })).toBeVisible();
  await expectNoSeriousViolations(page, `/clinician/patients/${patient.patientId}`);
  await expectNoSeriousViolations(page, `/clinician/patients/${patient.patientId}/details`);
});

test("plan template pages", async ({ page, people, db }) => {
  const clinician = await people.clinician();
  const [template] = await rows<{ id: string }>(
    db,
    `insert into plan_template (clinic_id, name, created_by_id, updated_at)
     values ($1, 'Gentle start', $2, now()) returning id`,
    [clinician.clinic.id, clinician.id],
  );
  await db.query(
    `insert into plan_template_item (template_id, exercise_id, position, sets, repetitions, hold_seconds, side, times_per_week)
     select $1, id, 1, 2, 8, 10, 'BOTH', 3 from exercise where clinic_id is null and slug = 'light-stretching'`,
    [template!.id],
  );
  await signInAs(page, clinician);
  await expectNoSeriousViolations(page, "/clinician/templates");
  await expectNoSeriousViolations(page, `/clinician/templates/${template!.id}`);
});

test("a clinic exercise's edit page", async ({ page, people, db }) => {
  const clinician = await people.clinician();
  const [exercise] = await rows<{ id: string }>(
    db,
    `insert into exercise (clinic_id, slug, name, category, summary, instructions, form_cues, safety)
     values ($1, $2, 'Pelvic tilt', 'FLEXIBILITY', 'Rock the pelvis gently.', 'Lie on your back.', '{}', 'SAFE')
     returning id`,
    [clinician.clinic.id, `pelvic-tilt-${clinician.clinic.id}`],
  );
  await signInAs(page, clinician);
  await expectNoSeriousViolations(page, `/clinician/exercises/${exercise!.id}`);
});

test("a paused patient's pages and the clinician's red-flag form", async ({ page, browser, people, db }) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  await signInAs(page, patient);
  await page.goto("/patient/check-in");
  await page.getByLabel("Unable to walk").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Seek immediate medical attention" })).toBeVisible();
  await expectNoSeriousViolations(page, page.url().replace(/^https?:\/\/[^/]+/, ""));
  await expectNoSeriousViolations(page, "/patient");
  const clinician = await (await browser.newContext()).newPage();
  await signInAs(clinician, patient.clinician);
  await expectNoSeriousViolations(clinician, `/clinician/patients/${patient.patientId}`);
  expect(
    (await db.query("select 1 from red_flag_report where patient_id = $1", [patient.patientId])).rowCount,
  ).toBe(1);
  await clinician.context().close();
});

test("patient pages", async ({ page, people }) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  // The session form opens only after a clear check-in.
  await people.clearCheckIn(patient);
  await signInAs(page, patient);
  for (const path of ["/patient", "/patient/progress", "/patient/check-in", "/patient/log"]) {
    await expectNoSeriousViolations(page, path);
  }
});

test("account and two-step set-up pages", async ({ page, people }) => {
  await signInAs(page, await people.clinician());
  for (const path of ["/account", "/account/mfa"]) await expectNoSeriousViolations(page, path);
});

test("clinic admin pages", async ({ page, people }) => {
  const admin = await people.admin();
  const clinician = await people.clinician({ clinic: admin.clinic });
  // A patient, so that the staff page shows its bulk reassignment form too.
  await people.patient({ clinician });
  await signInAs(page, admin);
  for (const path of ["/admin", "/admin/audit", "/admin/staff", "/admin/settings"])
    await expectNoSeriousViolations(page, path);
});
