import pg from "pg";

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
  const {
    rows: [clinic],
  } = await client.query<{ id: string }>("insert into clinic (name) values ($1) returning id", [names.name]);
  const {
    rows: [clinician],
  } = await client.query<{ id: string }>(
    `insert into app_user (clinic_id, email, name, role, password_hash, updated_at)
     values ($1, $2, $3, 'CLINICIAN', $4, now()) returning id`,
    [clinic!.id, names.clinician, `Bench Clinician ${size}`, passwordHash],
  );
  await client.query(
    `insert into app_user (clinic_id, email, name, role, password_hash, updated_at)
     select $1, format('bench%s.patient%s@bench.test', $3::int, lpad(n::text, 4, '0')),
            format('Bench Patient %s', lpad(n::text, 4, '0')), 'PATIENT', $2, now()
       from generate_series(1, $3::int) n`,
    [clinic!.id, passwordHash, size],
  );
  await client.query(
    `insert into patient (user_id, clinic_id, clinician_id, updated_at)
     select id, clinic_id, $2, now() from app_user where clinic_id = $1 and role = 'PATIENT'`,
    [clinic!.id, clinician!.id],
  );
  await client.query(
    `insert into plan (patient_id, status, version, start_date, created_by_id, activated_at, patient_seen_version, updated_at)
     select id, 'ACTIVE', 1, current_date - 30, $2, now() - interval '30 days', 1, now() from patient where clinic_id = $1`,
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
  await client.query(
    `insert into session_log (patient_id, plan_id, plan_version_id, idempotency_key, request_hash, performed_at,
                              pain_before, pain_after, discomfort, worse_or_spread)
     select p.id, pl.id, v.id, 'bench-' || d, 'bench', now() - d * interval '1 day', 4, 3, 'NONE', false
       from patient p join plan pl on pl.patient_id = p.id join plan_version v on v.plan_id = pl.id
      cross join generate_series(1, 14) d
      where p.clinic_id = $1`,
    [clinic!.id],
  );
  await client.query(
    `insert into alert (clinic_id, patient_id, severity, reason, message)
     select p.clinic_id, p.id, 'WARNING', 'PAIN_WORSE_OR_SPREAD', 'Pain got worse or spread after a session.'
       from (select id, clinic_id, row_number() over (order by id) as n from patient where clinic_id = $1) p
      where p.n % 5 = 0`,
    [clinic!.id],
  );
}
