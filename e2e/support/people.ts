import { randomBytes } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { newAuthenticator, type Authenticator } from "./authenticator";
import type { Database } from "./database";
import { addPlan, DEFAULT_DOSES, type Dose } from "./plans";

// People made for one test, straight into the database: a clinic of their own, unique names and emails, so
// that no test reads or changes another's data and the order of tests does not matter. Nothing is deleted
// afterwards: each run starts on a fresh database, and the audit trail (append-only) keeps pointing at them.

export type Role = "CLINICIAN" | "PATIENT" | "ADMIN";

export type Clinic = { id: string; name: string };

export type Person = {
  id: string;
  clinic: Clinic;
  role: Role;
  name: string;
  email: string;
  password: string;
  /** Where they land after signing in: /clinician, /patient or /admin. */
  home: string;
  /** Set for staff whose two-step sign-in the fixture switched on. */
  authenticator: Authenticator | null;
};

export type Patient = Person & {
  role: "PATIENT";
  /** The patient profile's id: the one in /clinician/patients/<id>. */
  patientId: string;
  clinician: Person;
  plan: { id: string; versionId: string; exerciseIds: string[] } | null;
};

export const PASSWORD = "e2e steady walking pace";

const HOMES: Record<Role, string> = { CLINICIAN: "/clinician", PATIENT: "/patient", ADMIN: "/admin" };

// One hash per password and worker: scrypt at the production cost takes a noticeable fraction of a second.
const hashes = new Map<string, Promise<string>>();
function hashOf(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

let made = 0;

/** Letters only, so that a name still reads as a name ("Alex Morgan-Qorvu"). */
function nameTag(): string {
  const letters = [...randomBytes(5)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
  return letters[0]!.toUpperCase() + letters.slice(1);
}

export class People {
  constructor(
    private readonly db: Database,
    private readonly workerIndex: number,
  ) {}

  /** An address no other test (in this run or an earlier one on the same database) has used. */
  uniqueEmail(prefix: string): string {
    made += 1;
    return `${prefix}.w${this.workerIndex}n${made}${randomBytes(3).toString("hex")}@e2e.test`.toLowerCase();
  }

  /** A name no other test uses: `base` with a tag of letters appended to the surname. */
  uniqueName(base: string): string {
    return `${base}-${nameTag()}`;
  }

  async clinic(options: { name?: string } = {}): Promise<Clinic> {
    const name = this.uniqueName(options.name ?? "Clinic");
    const [row] = await this.query<{ id: string }>("insert into clinic (name) values ($1) returning id", [
      name,
    ]);
    return { id: row!.id, name };
  }

  async clinician(options: StaffOptions = {}): Promise<Person> {
    return this.staff("CLINICIAN", "Robin Patel", options);
  }

  async admin(options: StaffOptions = {}): Promise<Person> {
    return this.staff("ADMIN", "Casey Quinn", options);
  }

  /**
   * A patient of `clinician`'s clinic. With `plan`, an active plan (by default Walking, Light stretching and
   * Light strength training, as the demo's Alex Morgan has) and, unless `logs: false`, two weeks of sessions
   * with pain easing from 6 to 3 before and from 5 to 2 after.
   */
  async patient(options: PatientOptions): Promise<Patient> {
    const { clinician } = options;
    const client = await this.db.connect();
    try {
      await client.query("begin");
      const person = await this.user(client, "PATIENT", options.name ?? "Alex Morgan", clinician.clinic, {
        password: options.password,
      });
      const [row] = (
        await client.query<{ id: string }>(
          `insert into patient (user_id, clinic_id, clinician_id, updated_at) values ($1, $2, $3, now())
           returning id`,
          [person.id, clinician.clinic.id, clinician.id],
        )
      ).rows;
      const plan = options.plan
        ? await addPlan(client, {
            patientId: row!.id,
            createdById: clinician.id,
            doses: options.plan === true ? DEFAULT_DOSES : options.plan,
            logs: options.logs ?? true,
          })
        : null;
      await client.query("commit");
      return { ...person, role: "PATIENT", patientId: row!.id, clinician, plan };
    } catch (error) {
      await client.query("rollback");
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Two clinics as in the demo data: a clinician with a patient on a plan (with logs), a patient with no plan
   * yet and a clinic admin; and another clinic with its own clinician and patient on a plan.
   */
  async twoClinics() {
    const [clinic, otherClinic] = await Promise.all([
      this.clinic({ name: "Demo Clinic" }),
      this.clinic({ name: "Other Clinic" }),
    ]);
    const [clinician, admin, otherClinician] = await Promise.all([
      this.clinician({ clinic }),
      this.admin({ clinic }),
      this.clinician({ clinic: otherClinic, name: "Kim Novak" }),
    ]);
    const [patient, patientWithoutPlan, otherPatient] = await Promise.all([
      this.patient({ clinician, plan: true }),
      this.patient({ clinician, name: "Sam Rivera" }),
      this.patient({ clinician: otherClinician, name: "Jordan Lee", plan: true }),
    ]);
    return {
      clinic,
      clinician,
      admin,
      patient,
      patientWithoutPlan,
      otherClinic,
      otherClinician,
      otherPatient,
    };
  }

  /** A clear safety check-in made now: the patient may log one session in the next 2 hours. */
  async clearCheckIn(patient: Patient, pain = 2): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `insert into check_in (patient_id, idempotency_key, request_hash, pain_score, red_flags)
       values ($1, $2, $2, $3, '{}') returning id`,
      [patient.patientId, `e2e-check-in-${randomBytes(8).toString("hex")}`, pain],
    );
    return row!.id;
  }

  /** An open alert for the patient's clinician, as a rising pain trend would raise. */
  async openWarning(patient: Patient, message: string): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `insert into alert (clinic_id, patient_id, severity, reason, message)
       values ($1, $2, 'WARNING', 'RISING_PAIN', $3) returning id`,
      [patient.clinic.id, patient.patientId, message],
    );
    return row!.id;
  }

  private async staff(role: "CLINICIAN" | "ADMIN", base: string, options: StaffOptions): Promise<Person> {
    const clinic = options.clinic ?? (await this.clinic());
    const client = await this.db.connect();
    try {
      return await this.user(client, role, options.name ?? base, clinic, options);
    } finally {
      client.release();
    }
  }

  private async user(
    client: pg.PoolClient,
    role: Role,
    base: string,
    clinic: Clinic,
    options: StaffOptions,
  ): Promise<Person> {
    const name = this.uniqueName(base);
    const email = this.uniqueEmail(role.toLowerCase());
    const password = options.password ?? PASSWORD;
    const authenticator = options.mfa ? newAuthenticator() : null;
    const [row] = (
      await client.query<{ id: string }>(
        `insert into app_user (clinic_id, email, name, role, password_hash, totp_secret, totp_enabled_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, case when $6::text is null then null else now() end, now())
         returning id`,
        [clinic.id, email, name, role, await hashOf(password), authenticator?.sealed ?? null],
      )
    ).rows;
    if (authenticator) {
      await client.query("insert into recovery_code (user_id, code_hash) select $1, unnest($2::text[])", [
        row!.id,
        authenticator.recoveryCodeHashes,
      ]);
    }
    return {
      id: row!.id,
      clinic,
      role,
      name,
      email,
      password,
      home: HOMES[role],
      authenticator: authenticator && {
        secret: authenticator.secret,
        recoveryCodes: authenticator.recoveryCodes,
        lastStep: null,
      },
    };
  }

  private async query<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<Row[]> {
    return (await this.db.query<Row>(sql, values)).rows;
  }
}

type StaffOptions = {
  /** Their clinic; a new one when left out. */
  clinic?: Clinic;
  /** The start of their name; a unique tag is appended. */
  name?: string;
  password?: string;
  /** Two-step sign-in already on, with a known authenticator secret and recovery codes. */
  mfa?: boolean;
};

type PatientOptions = {
  clinician: Person;
  /** The start of their name; a unique tag is appended. */
  name?: string;
  password?: string;
  /** An active plan: `true` for the default three exercises, or the doses to prescribe. */
  plan?: boolean | Dose[];
  /** Two weeks of session logs on the plan (default true when there is a plan). */
  logs?: boolean;
};
