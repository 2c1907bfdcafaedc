import pg from "pg";
import { insertGeneratedClinic } from "../../scripts/lib/generated-clinic";

/** The bench's small clinics, named by size: `Bench Clinic 10` has bench10.clinician@bench.test and so on. */
export const benchClinic = (size: number) => ({
  name: `Bench Clinic ${size}`,
  clinician: `bench${size}.clinician@bench.test`,
  patient: (n: number) => `bench${size}.patient${String(n).padStart(4, "0")}@bench.test`,
});

/**
 * Clinics of the given sizes shaped like the large one (active plans of three exercises, two weeks of daily
 * session logs) plus an open WARNING alert for every fifth patient, so that the clinician's page reads
 * alerts too. P5 compares the clinician's page of two of them: its query count must not grow with the
 * clinic. Passwords are the large clinic's (demo-password), copied rather than hashed again.
 */
export async function seedBenchClinics(url: string, sizes: number[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    const {
      rows: [source],
    } = await client.query<{ password_hash: string }>(
      "select password_hash from app_user where email = 'large.clinician@demo.test'",
    );
    if (!source) throw new Error("Load the large clinic first: its password hash is reused.");
    for (const size of sizes) await seedClinic(client, size, source.password_hash);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function seedClinic(client: pg.Client, size: number, passwordHash: string) {
  const names = benchClinic(size);
  const { clinicId } = await insertGeneratedClinic(client, {
    name: names.name,
    clinician: { email: names.clinician, name: `Bench Clinician ${size}` },
    patients: {
      count: size,
      emailPrefix: `bench${size}.patient`,
      emailDomain: "bench.test",
      namePrefix: "Bench Patient ",
    },
    passwordHash,
    planStartedDaysAgo: 30,
  });
  // Each session follows its own clear check-in, ten minutes before, as the database requires.
  await client.query(
    `insert into check_in (patient_id, idempotency_key, request_hash, pain_score, red_flags, created_at)
     select p.id, 'bench-' || d, 'bench', 4, '{}', now() - d * interval '1 day' - interval '10 minutes'
       from patient p cross join generate_series(1, 14) d
      where p.clinic_id = $1`,
    [clinicId],
  );
  await client.query(
    `insert into session_log (patient_id, plan_id, plan_version_id, check_in_id, idempotency_key, request_hash,
                              performed_at, pain_before, pain_after, discomfort, worse_or_spread, created_at)
     select p.id, pl.id, v.id, c.id, 'bench-' || d, 'bench', now() - d * interval '1 day', 4, 3, 'NONE', false,
            now() - d * interval '1 day'
       from patient p join plan pl on pl.patient_id = p.id join plan_version v on v.plan_id = pl.id
      cross join generate_series(1, 14) d
       join check_in c on c.patient_id = p.id and c.idempotency_key = 'bench-' || d
      where p.clinic_id = $1`,
    [clinicId],
  );
  await client.query(
    `insert into alert (clinic_id, patient_id, severity, reason, message)
     select p.clinic_id, p.id, 'WARNING', 'PAIN_WORSE_OR_SPREAD', 'Pain got worse or spread after a session.'
       from (select id, clinic_id, row_number() over (order by id) as n from patient where clinic_id = $1) p
      where p.n % 5 = 0`,
    [clinicId],
  );
}
