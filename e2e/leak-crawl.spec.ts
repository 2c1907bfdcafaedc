import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { appRoutes, concrete } from "./routes";
import { demo, signInAs } from "./support";

// Every record of Other Clinic carries a marker. Crawling every page and route as each role, with ids of
// both clinics, must never show the marker, a password hash or a session token, in the HTML or in the
// React server component payload.
const E2E_DATABASE = "postgresql://backcare:backcare-local@127.0.0.1:54332/backcare";
const MARKER = "zzleakmarker";

async function markOtherClinic() {
  const db = new pg.Client({ connectionString: E2E_DATABASE });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>("select id from clinic where name like 'Other Clinic%'");
    const clinicId = rows[0]!.id;
    await db.query("update clinic set name = $2 where id = $1", [clinicId, `Other Clinic ${MARKER}`]);
    await db.query(
      "update app_user set name = name || ' ' || $2 where clinic_id = $1 and name not like '%' || $2",
      [clinicId, MARKER],
    );
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
       values ($1, $2, $3, 'AEROBIC', $3, $3, array[$3], 'SAFE') on conflict do nothing`,
      [clinicId, `marker-${MARKER}`, `Exercise ${MARKER}`],
    );
    await db.query(
      `insert into alert (clinic_id, patient_id, severity, reason, message)
       select $1, id, 'WARNING', 'RISING_PAIN', $2 from patient where clinic_id = $1 limit 1`,
      [clinicId, `alert ${MARKER}`],
    );
    const ids = await db.query<{ patient: string; alert: string; log: string }>(
      `select p.id as patient, (select id from alert where patient_id = p.id limit 1) as alert,
              (select id from session_log where patient_id = p.id limit 1) as log
         from patient p where p.clinic_id = $1 limit 1`,
      [clinicId],
    );
    return ids.rows[0]!;
  } finally {
    await db.end();
  }
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
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const foreign = await markOtherClinic();
  await signInAs(page, demo.clinician, "/clinician");
  const alexId = (await page
    .getByRole("region", { name: "Patients" })
    .getByRole("link", { name: "Alex Morgan" })
    .getAttribute("href"))!
    .split("/")
    .pop()!;
  await page.close();

  const routes = appRoutes();
  const urls = (id: string, logId: string) =>
    routes
      .map((route) => concrete(route.pattern, { id, token: "x".repeat(43), nextauth: "session" }))
      .concat(`/patient/log/${logId}`, `/patient/check-in/${logId}`);
  const allUrls = [...new Set([...urls(alexId, alexId), ...urls(foreign.patient, foreign.log)])];

  // The crawl can fail: Other Clinic's own clinician does see the marker.
  const kim = await browser.newContext();
  const kimPage = await kim.newPage();
  await signInAs(kimPage, demo.otherClinician, "/clinician");
  expect(await (await kim.request.get("/clinician")).text()).toContain(MARKER);
  expect(await (await kim.request.get("/clinician", { headers: { RSC: "1" } })).text()).toContain(MARKER);
  await kim.close();

  await crawl(request, allUrls, "anonymous");
  const landing: Record<string, string> = { [demo.clinician]: "/clinician", [demo.admin]: "/admin" };
  for (const email of [demo.patient, demo.patientWithoutPlan, demo.clinician, demo.admin]) {
    const context = await browser.newContext();
    const signedIn = await context.newPage();
    await signInAs(signedIn, email, landing[email] ?? "/patient");
    await crawl(context.request, allUrls, email);
    await context.close();
  }
});
