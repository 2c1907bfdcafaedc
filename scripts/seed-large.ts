// `npm run seed:large`: a clinic of 1,000 patients with active plans and 200,000 session logs, for trying the
// triage list at scale and for the benchmarks. Uses DATABASE_URL, or the development database of
// `npm run dev` (started here if it is not running). Generated in SQL, so it takes seconds, not minutes.
// Every account's password is demo-password; the clinician is large.clinician@demo.test.
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { migrate, seed, startEmbeddedPostgres, type Database } from "./lib/postgres";

const PATIENTS = 1000;
const LOGS_PER_PATIENT = 200;
const DEV_URL = "postgresql://backcare:backcare-local@127.0.0.1:54329/backcare";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const started = Date.now();
  let database: Database | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    if (await reachable(DEV_URL)) url = DEV_URL;
    else {
      database = await startEmbeddedPostgres({
        dataDir: ".data/postgres",
        port: 54329,
        database: "backcare",
      });
      url = database.url;
    }
    await migrate(url);
    await seed(url, ["--catalogue-only"]);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query("select 1 from clinic where name = 'Large Clinic'");
    if (existing.rowCount) {
      console.log("Large Clinic is already loaded; nothing to do.");
      return;
    }
    const passwordHash = await hashPassword("demo-password");
    await client.query("begin");
    const {
      rows: [clinic],
    } = await client.query<{ id: string }>("insert into clinic (name) values ('Large Clinic') returning id");
    const {
      rows: [clinician],
    } = await client.query<{ id: string }>(
      `insert into app_user (clinic_id, email, name, role, password_hash, updated_at)
       values ($1, 'large.clinician@demo.test', 'Lee Large', 'CLINICIAN', $2, now()) returning id`,
      [clinic!.id, passwordHash],
    );
    await client.query(
      `insert into app_user (clinic_id, email, name, role, password_hash, updated_at)
       select $1, format('large.patient%s@demo.test', lpad(n::text, 4, '0')), format('Patient %s', lpad(n::text, 4, '0')),
              'PATIENT', $2, now()
         from generate_series(1, $3::int) n`,
      [clinic!.id, passwordHash, PATIENTS],
    );
    await client.query(
      `insert into patient (user_id, clinic_id, clinician_id, updated_at)
       select id, clinic_id, $2, now() from app_user where clinic_id = $1 and role = 'PATIENT'`,
      [clinic!.id, clinician!.id],
    );
    await client.query(
      `insert into plan (patient_id, status, version, start_date, created_by_id, activated_at, patient_seen_version, updated_at)
       select id, 'ACTIVE', 1, current_date - 210, $2, now() - interval '210 days', 1, now() from patient where clinic_id = $1`,
      [clinic!.id, clinician!.id],
    );
    await client.query(
      `insert into plan_item (plan_id, exercise_id, position, minutes, sets, repetitions, times_per_week)
       select pl.id, e.id, e.position, case when e.slug = 'walking' then 20 end,
              case when e.slug <> 'walking' then 2 end, case when e.slug <> 'walking' then 10 end, 3
         from plan pl join patient p on p.id = pl.patient_id
         cross join (select id, slug, row_number() over (order by slug desc) as position from exercise
                      where clinic_id is null and slug in ('walking', 'light-stretching', 'light-strength-training')) e
        where p.clinic_id = $1`,
      [clinic!.id],
    );
    await client.query(
      `insert into plan_version (plan_id, version, status, items, summary, created_by_id)
       select pl.id, 1, 'ACTIVE', '[]'::jsonb, 'Plan created and activated.', $2
         from plan pl join patient p on p.id = pl.patient_id where p.clinic_id = $1`,
      [clinic!.id, clinician!.id],
    );
    // Each patient logs most days; pain eases over time with some noise, and a patient's last session is
    // spread over the past three weeks so the triage list has inactive and stalled patients too.
    await client.query(
      `insert into session_log (patient_id, plan_id, plan_version_id, idempotency_key, request_hash, performed_at,
                                pain_before, pain_after, discomfort, worse_or_spread, created_at)
       select p.id, pl.id, v.id, 'large-' || s, 'large',
              now() - ((s + (abs(hashtext(p.id::text)) % 21)) * interval '1 day') - (random() * interval '10 hours'),
              least(10, greatest(0, 3 + (s / 50) + (random() * 3)::int)),
              least(10, greatest(0, 2 + (s / 50) + (random() * 3)::int)),
              'NONE', false, now()
         from patient p
         join plan pl on pl.patient_id = p.id
         join plan_version v on v.plan_id = pl.id
         cross join generate_series(0, $2::int - 1) s
        where p.clinic_id = $1`,
      [clinic!.id, LOGS_PER_PATIENT],
    );
    await client.query("commit");
    await client.query("analyze");
    const counts = await client.query<{ patients: string; logs: string }>(
      `select (select count(*) from patient where clinic_id = $1) as patients,
              (select count(*) from session_log s join patient p on p.id = s.patient_id where p.clinic_id = $1) as logs`,
      [clinic!.id],
    );
    console.log(
      `Large Clinic: ${counts.rows[0]!.patients} patients, ${counts.rows[0]!.logs} session logs in ${((Date.now() - started) / 1000).toFixed(1)} s. ` +
        "Sign in as large.clinician@demo.test / demo-password.",
    );
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
    await database?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
