import type { APIRequestContext } from "@playwright/test";
import { expect, rows, signInAs, test } from "./fixtures";
import { appRoutes, concrete } from "./routes";
import type { Database } from "./support/database";

// Every record of the other clinic carries a marker. Crawling every page and route as each role of the
// first clinic, with ids of both clinics, must never show the marker, a password hash or a session token,
// in the HTML or in the React server component payload.
const MARKER = "zzleakmarker";

async function markClinic(db: Database, clinicId: string) {
  await db.query("update clinic set name = name || ' ' || $2 where id = $1", [clinicId, MARKER]);
  await db.query("update app_user set name = name || ' ' || $2 where clinic_id = $1", [clinicId, MARKER]);
  await db.query(
    "update session_log set notes = $2 where patient_id in (select id from patient where clinic_id = $1)",
    [clinicId, `note ${MARKER}`],
  );
  await db.query(
    "update plan_item set note = $2 where plan_id in (select p.id from plan p join patient pa on pa.id = p.patient_id where pa.clinic_id = $1)",
    [clinicId, `dose note ${MARKER}`],
  );
  await db.query(
    "update plan_version set summary = $2 where plan_id in (select p.id from plan p join patient pa on pa.id = p.patient_id where pa.clinic_id = $1)",
    [clinicId, `summary ${MARKER}`],
  );
  await db.query(
    `insert into exercise (clinic_id, slug, name, category, summary, instructions, form_cues, safety)
     values ($1, $2, $3, 'AEROBIC', $3, $3, array[$3], 'SAFE')`,
    [clinicId, `marker-${MARKER}`, `Exercise ${MARKER}`],
  );
  await db.query(
    `insert into plan_template (clinic_id, name, created_by_id, updated_at)
     select $1, $2, id, now() from app_user where clinic_id = $1 and role = 'CLINICIAN' limit 1`,
    [clinicId, `template ${MARKER}`],
  );
  await db.query(
    `insert into alert (clinic_id, patient_id, severity, reason, message)
     select $1, id, 'WARNING', 'RISING_PAIN', $2 from patient where clinic_id = $1`,
    [clinicId, `alert ${MARKER}`],
  );
}

async function crawl(request: APIRequestContext, urls: string[], who: string) {
  for (const url of urls) {
    if (url === "/api/alerts/stream" && who !== "anonymous") continue; // never ends; its scoping is tested on its own
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await request.get(url, { headers, maxRedirects: 0 });
      const body = await response.text();
      const where = `${url} as ${who}${"RSC" in headers ? " (RSC payload)" : ""}`;
      expect(body, where).not.toContain(MARKER);
      expect(body, where).not.toMatch(/scrypt\$\d+\$/);
      expect(body, where).not.toMatch(/authjs\.session-token=/);
    }
  }
}

test("no page shows another clinic's data, a password hash or a token, to anyone", async ({
  browser,
  request,
  people,
  db,
}) => {
  test.setTimeout(180_000);
  const world = await people.twoClinics();
  await markClinic(db, world.otherClinic.id);
  const [foreign] = await rows<{ log: string }>(
    db,
    "select id as log from session_log where patient_id = $1 limit 1",
    [world.otherPatient.patientId],
  );
  const [ownLog] = await rows<{ id: string }>(
    db,
    "select id from session_log where patient_id = $1 limit 1",
    [world.patient.patientId],
  );

  const routes = appRoutes();
  const urls = (id: string, logId: string) =>
    routes
      .map((route) => concrete(route.pattern, { id, token: "x".repeat(43), nextauth: "session" }))
      .concat(`/patient/log/${logId}`, `/patient/check-in/${logId}`);
  const allUrls = [
    ...new Set([
      ...urls(world.patient.patientId, ownLog!.id),
      ...urls(world.otherPatient.patientId, foreign!.log),
    ]),
  ];

  // The crawl can fail: the other clinic's own clinician does see the marker.
  const kim = await browser.newContext();
  await signInAs(await kim.newPage(), world.otherClinician);
  expect(await (await kim.request.get("/clinician")).text()).toContain(MARKER);
  expect(await (await kim.request.get("/clinician", { headers: { RSC: "1" } })).text()).toContain(MARKER);
  await kim.close();

  await crawl(request, allUrls, "anonymous");
  for (const person of [world.patient, world.patientWithoutPlan, world.clinician, world.admin]) {
    const context = await browser.newContext();
    await signInAs(await context.newPage(), person);
    await crawl(context.request, allUrls, `${person.role} ${person.email}`);
    await context.close();
  }
});
