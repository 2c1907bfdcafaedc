import type pg from "pg";

export type GeneratedClinic = {
  name: string;
  clinician: { email: string; name: string };
  /** Patient n (from 1) is `${emailPrefix}${nnnn}@${emailDomain}`, named `${namePrefix}${nnnn}`. */
  patients: { count: number; emailPrefix: string; emailDomain: string; namePrefix: string };
  /** Every account's password hash (one hash for all: hashing thousands would take minutes). */
  passwordHash: string;
  /** How long ago the patients' plans started. */
  planStartedDaysAgo: number;
};

/**
 * A clinic generated in SQL, in the caller's transaction: its clinician, its patients, and for each patient
 * an active plan (version 1, seen) of walking, light stretching and light strength training. Session logs and
 * alerts are left to the caller, since each use wants its own history. Used by `npm run seed:large` and the
 * bench's small clinics, so that both are shaped alike.
 */
export async function insertGeneratedClinic(
  client: pg.ClientBase,
  clinic: GeneratedClinic,
): Promise<{ clinicId: string; clinicianId: string }> {
  const {
    rows: [created],
  } = await client.query<{ id: string }>("insert into clinic (name) values ($1) returning id", [clinic.name]);
  const clinicId = created!.id;
  const {
    rows: [clinician],
  } = await client.query<{ id: string }>(
    `insert into app_user (clinic_id, email, name, role, password_hash, updated_at)
     values ($1, $2, $3, 'CLINICIAN', $4, now()) returning id`,
    [clinicId, clinic.clinician.email, clinic.clinician.name, clinic.passwordHash],
  );
  const clinicianId = clinician!.id;
  const { count, emailPrefix, emailDomain, namePrefix } = clinic.patients;
  await client.query(
    `insert into app_user (clinic_id, email, name, role, password_hash, updated_at)
     select $1, format('%s%s@%s', $3::text, lpad(n::text, 4, '0'), $4::text),
            $5::text || lpad(n::text, 4, '0'), 'PATIENT', $2, now()
       from generate_series(1, $6::int) n`,
    [clinicId, clinic.passwordHash, emailPrefix, emailDomain, namePrefix, count],
  );
  await client.query(
    `insert into patient (user_id, clinic_id, clinician_id, updated_at)
     select id, clinic_id, $2, now() from app_user where clinic_id = $1 and role = 'PATIENT'`,
    [clinicId, clinicianId],
  );
  await client.query(
    `insert into plan (patient_id, status, version, start_date, created_by_id, activated_at, patient_seen_version, updated_at)
     select id, 'ACTIVE', 1, current_date - $3::int, $2, now() - $3::int * interval '1 day', 1, now()
       from patient where clinic_id = $1`,
    [clinicId, clinicianId, clinic.planStartedDaysAgo],
  );
  await client.query(
    `insert into plan_item (plan_id, exercise_id, position, minutes, sets, repetitions, times_per_week)
     select pl.id, e.id, e.position, case when e.slug = 'walking' then 20 end,
            case when e.slug <> 'walking' then 2 end, case when e.slug <> 'walking' then 10 end, 3
       from plan pl join patient p on p.id = pl.patient_id
       cross join (select id, slug, row_number() over (order by slug desc) as position from exercise
                    where clinic_id is null and slug in ('walking', 'light-stretching', 'light-strength-training')) e
      where p.clinic_id = $1`,
    [clinicId],
  );
  await client.query(
    `insert into plan_version (plan_id, version, status, items, summary, created_by_id)
     select pl.id, 1, 'ACTIVE', '[]'::jsonb, 'Plan created and activated.', $2
       from plan pl join patient p on p.id = pl.patient_id where p.clinic_id = $1`,
    [clinicId, clinicianId],
  );
  return { clinicId, clinicianId };
}
