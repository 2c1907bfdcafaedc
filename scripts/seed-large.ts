// `npm run seed:large`: a clinic of 1,000 patients with active plans and 200,000 session logs, for trying the
// triage list at scale and for the benchmarks. Uses DATABASE_URL, or the development database of
// `npm run dev` (started here if it is not running). Generated in SQL, so it takes seconds, not minutes.
// Every account's password is demo-password; the clinician is large.clinician@demo.test.
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { insertGeneratedClinic } from "./lib/generated-clinic";
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
    const { clinicId } = await insertGeneratedClinic(client, {
      name: "Large Clinic",
      clinician: { email: "large.clinician@demo.test", name: "Lee Large" },
      patients: {
        count: PATIENTS,
        emailPrefix: "large.patient",
        emailDomain: "demo.test",
        namePrefix: "Patient ",
      },
      passwordHash,
      planStartedDaysAgo: 210,
    });
    // Each patient logs most days; pain eases over time with some noise, and a patient's last session is
    // spread over the past three weeks so the triage list has inactive and stalled patients too. Each
    // session follows its own clear check-in, ten minutes before, as the database requires.
    await client.query(
      `create temporary table large_session on commit drop as
       select p.id as patient_id, pl.id as plan_id, v.id as plan_version_id, 'large-' || s as key,
              now() - ((s + (abs(hashtext(p.id::text)) % 21)) * interval '1 day') - (random() * interval '10 hours')
                as performed_at,
              least(10, greatest(0, 3 + (s / 50) + (random() * 3)::int)) as pain_before,
              least(10, greatest(0, 2 + (s / 50) + (random() * 3)::int)) as pain_after
         from patient p
         join plan pl on pl.patient_id = p.id
         join plan_version v on v.plan_id = pl.id
         cross join generate_series(0, $2::int - 1) s
        where p.clinic_id = $1`,
      [clinicId, LOGS_PER_PATIENT],
    );
    await client.query(
      `insert into check_in (patient_id, idempotency_key, request_hash, pain_score, red_flags, created_at)
       select patient_id, key, 'large', pain_before, '{}', performed_at - interval '10 minutes' from large_session`,
    );
    await client.query(
      `insert into session_log (patient_id, plan_id, plan_version_id, check_in_id, idempotency_key, request_hash,
                                performed_at, pain_before, pain_after, discomfort, worse_or_spread, created_at)
       select s.patient_id, s.plan_id, s.plan_version_id, c.id, s.key, 'large', s.performed_at, s.pain_before,
              s.pain_after, 'NONE', false, s.performed_at
         from large_session s join check_in c on c.patient_id = s.patient_id and c.idempotency_key = s.key`,
    );
    await client.query("commit");
    await client.query("analyze");
    const counts = await client.query<{ patients: string; logs: string }>(
      `select (select count(*) from patient where clinic_id = $1) as patients,
              (select count(*) from session_log s join patient p on p.id = s.patient_id where p.clinic_id = $1) as logs`,
      [clinicId],
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
