import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { open } from "@/lib/auth/secret-box";
import { stepAt, totpCode } from "@/lib/auth/totp";
import { pendingEnrolment } from "@/lib/dal/mfa";
import { issuePasswordReset } from "@/lib/dal/password-resets";
import type { SessionUser } from "@/lib/dal/session";
import { clearCheckIn, createPatient } from "../support/fixtures";
import { startMailbox, type Mailbox } from "../support/mailbox";
import { clinicWithActivePlan } from "../support/plans";
import { SESSION_ACTIONS, loadServerActions } from "../support/server-actions";

// Every server action, called as every kind of user, with ids of their own clinic and of another. Only the
// allowed calls succeed; every other call is refused with no row changed anywhere and none of the other
// clinic's data in the answer. The session is stood in for here (the real cookie checks are end-to-end
// tests); what this proves is that each action's data access is scoped to the acting user.
type Identity = "anonymous" | "patient" | "patientWithoutPlan" | "clinician" | "otherClinician" | "admin";
const acting = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/dal/session", () => {
  const interrupt = (digest: string) => Object.assign(new Error(digest), { digest });
  const as = (role: string) => async () => {
    const user = acting.user as SessionUser | null;
    if (!user) throw interrupt("NEXT_REDIRECT;replace;/login;307;");
    if (user.role !== role) throw interrupt("NEXT_HTTP_ERROR_FALLBACK;403");
    return user;
  };
  const anyone = async () => {
    if (!acting.user) throw interrupt("NEXT_REDIRECT;replace;/login;307;");
    return acting.user;
  };
  return {
    requireClinician: as("CLINICIAN"),
    requirePatient: as("PATIENT"),
    requireAdmin: as("ADMIN"),
    requireUser: anyone,
    requireSignedIn: anyone,
    currentUser: async () => acting.user,
    homeFor: (role: string) => `/${role.toLowerCase()}`,
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost" }) }));
vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {},
}));
vi.mock("@/lib/auth", () => ({
  signIn: async () => {},
  signOut: async () => {},
  credentialsSchema: { safeParse: () => ({ success: false }) },
}));

const modules = await loadServerActions();

/** Every exported function of every "use server" file in lib/actions, read from the files themselves. */
function serverActionNames(): string[] {
  const dir = path.resolve("lib/actions");
  return readdirSync(dir)
    .filter(
      (file) => file.endsWith(".ts") && readFileSync(path.join(dir, file), "utf8").startsWith('"use server"'),
    )
    .flatMap((file) =>
      [...readFileSync(path.join(dir, file), "utf8").matchAll(/export async function (\w+)/g)].map(
        (match) => match[1]!,
      ),
    );
}

// Sign-in, sign-out and invitation acceptance: e2e/sign-in.spec.ts, e2e/sessions.spec.ts, e2e/onboarding.spec.ts.
const COVERED_ELSEWHERE = SESSION_ACTIONS;
const NEW_PASSWORD = "calm morning stretches";

type Fixture = Awaited<ReturnType<typeof build>>;
type Target = "own" | "foreign";
type Row = {
  form: (f: Fixture, target: Target, who: Identity) => Promise<FormData> | FormData;
  allowed: (who: Identity, target: Target) => boolean;
};

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const item of [value].flat()) data.append(key, item);
  return data;
};
const isStaff = (who: Identity) => who === "clinician" || who === "otherClinician" || who === "admin";
const staffOwn = (who: Identity, target: Target) => isStaff(who) && target === "own";
/** The code the acting user's authenticator shows now, or a made-up one for users without one. */
async function currentCode(f: Fixture, who: Identity): Promise<string> {
  const user = f.identities[who];
  if (!user || !isStaff(who)) return "123456";
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!row.totpSecret) return "123456";
  // A fresh 30-second step, as for a person who waits for the app's next code.
  await db.user.update({ where: { id: user.id }, data: { totpLastStep: null } });
  return totpCode(open(row.totpSecret), stepAt(new Date()));
}
/** On "foreign" ids, the forms below carry another clinic's user id, which the strict schemas refuse. */
const foreignUser = (f: Fixture, target: Target): Record<string, string> =>
  target === "foreign" ? { userId: f.b.clinician.id } : {};
const clinicianOwn = (who: Identity, target: Target) =>
  (who === "clinician" || who === "otherClinician") && target === "own";
const patientOnly = (who: Identity) => who === "patient";
/** "own" is the acting user's clinic: clinic A for everyone but the other clinic's clinician. */
const side = (f: Fixture, target: Target, who: Identity) =>
  (target === "own") === (who !== "otherClinician") ? f.a : f.b;

const MATRIX: Record<string, Row> = {
  // No ids: a forged id of another user is refused by the strict schema. The admin fixture has no usable password.
  changePasswordAction: {
    form: (f, target) =>
      form({
        current: "fixture-password",
        next: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
        ...(target === "foreign" ? { userId: f.b.clinician.id } : {}),
      }),
    allowed: (who, target) => target === "own" && who !== "anonymous" && who !== "admin",
  },
  // Anyone signed in sets their own zone; a forged user id is refused by the strict schema.
  setOwnTimeZoneAction: {
    form: (f, target) => form({ timeZone: "America/New_York", ...foreignUser(f, target) }),
    allowed: (who, target) => target === "own" && who !== "anonymous",
  },
  checkInAction: {
    form: () => form({ idempotencyKey: randomUUID(), painScore: "2" }),
    allowed: (who) => who === "patient" || who === "patientWithoutPlan",
  },
  logSessionAction: {
    // The patient's session follows a clear check-in of their own, as the database requires.
    form: async (f) => {
      await clearCheckIn(f.a.patient.id);
      return form({
        idempotencyKey: randomUUID(),
        planVersion: "1",
        painBefore: "2",
        painAfter: "2",
        discomfort: "NONE",
        notes: "",
      });
    },
    allowed: patientOnly,
  },
  acknowledgePlanAction: {
    form: (f, target, who) => form({ planId: side(f, target, who).plan.planId, version: "1" }),
    allowed: (who, target) => who === "patient" && target === "own",
  },
  savePlanAction: {
    form: (f, target, who) =>
      form({
        intent: "save",
        payload: JSON.stringify({
          patientId: side(f, target, who).patient.id,
          planId: side(f, target, who).plan.planId,
          expectedVersion: 1,
          startDate: "2026-12-01",
          items: [
            {
              exerciseId: f.walkingId,
              sets: null,
              repetitions: null,
              minutes: 45,
              timesPerWeek: 2,
              intensity: "LIGHT",
              note: null,
            },
          ],
        }),
      }),
    allowed: clinicianOwn,
  },
  // Another clinic's template is a 404; each call gets a template of its own, so a retired one never answers.
  saveTemplateAction: {
    form: async (f, target, who) =>
      form({
        payload: JSON.stringify({
          templateId: await matrixTemplate(side(f, target, who)),
          name: `Matrix ${randomUUID().slice(0, 6)}`,
          items: [
            {
              exerciseId: f.walkingId,
              sets: null,
              repetitions: null,
              minutes: 30,
              holdSeconds: null,
              restSeconds: null,
              side: "NOT_APPLICABLE",
              timesPerWeek: 2,
              intensity: "LIGHT",
              note: null,
            },
          ],
        }),
      }),
    allowed: clinicianOwn,
  },
  retireTemplateAction: {
    form: async (f, target, who) => form({ templateId: await matrixTemplate(side(f, target, who)) }),
    allowed: clinicianOwn,
  },
  createExerciseAction: {
    form: () =>
      form({
        name: `Matrix ${randomUUID().slice(0, 6)}`,
        category: "AEROBIC",
        summary: "s",
        instructions: "Walk slowly in the pool.",
        formCues: "",
      }),
    allowed: (who) => who === "clinician" || who === "otherClinician",
  },
  // A fresh exercise of the side's clinic for every call: an edit or retirement retires the one it is given.
  editExerciseAction: {
    form: async (f, target, who) =>
      form({
        exerciseId: await clinicExercise(side(f, target, who).clinic.id),
        name: "Matrix tilt",
        category: "FLEXIBILITY",
        summary: "s",
        instructions: "Rock the pelvis gently.",
        formCues: "",
      }),
    allowed: clinicianOwn,
  },
  retireExerciseAction: {
    form: async (f, target, who) =>
      form({ exerciseId: await clinicExercise(side(f, target, who).clinic.id) }),
    allowed: clinicianOwn,
  },
  acknowledgeAlertAction: {
    form: (f, target, who) => form({ alertId: side(f, target, who).alertId }),
    allowed: clinicianOwn,
  },
  resolveWarningAction: {
    form: (f, target, who) => form({ alertId: side(f, target, who).warningId, note: "Handled." }),
    allowed: clinicianOwn,
  },
  closeRedFlagsAction: {
    form: (f, target, who) =>
      form({
        patientId: side(f, target, who).pausedId,
        reportIds: [side(f, target, who).reportId],
        outcome: "REFERRED",
        note: "Sent to the emergency department by Dr Ng.",
      }),
    allowed: clinicianOwn,
  },
  invitePatientAction: {
    form: () => form({ name: "Matrix Invitee", email: `matrix-${randomUUID().slice(0, 8)}@test.example` }),
    allowed: (who) => who === "clinician" || who === "otherClinician",
  },
  reissueInvitationAction: {
    form: (f, target, who) => form({ patientId: side(f, target, who).invitedId }),
    allowed: clinicianOwn,
  },
  dischargePatientAction: {
    form: (f, target, who) => form({ patientId: side(f, target, who).dischargeableId }),
    allowed: clinicianOwn,
  },
  updatePatientDetailsAction: {
    form: (f, target, who) =>
      form({
        patientId: side(f, target, who).patient.id,
        dateOfBirth: "1961-04-23",
        phone: `07700 ${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
        preferredContact: "PHONE",
        externalRecordNumber: "",
        referralReason: "Lower back pain.",
        emergencyContactName: "",
        emergencyContactRelationship: "",
        emergencyContactPhone: "",
      }),
    allowed: clinicianOwn,
  },
  readmitPatientAction: {
    form: (f, target, who) => form({ patientId: side(f, target, who).dischargedId }),
    allowed: clinicianOwn,
  },
  reassignPatientAction: {
    form: (f, target, who) =>
      form({ patientId: side(f, target, who).patient.id, clinicianId: side(f, target, who).colleagueId }),
    allowed: clinicianOwn,
  },
  confirmMfaEnrolmentAction: {
    form: async (f, target, who) => {
      const user = f.identities[who];
      const enrolment = user && isStaff(who) ? await pendingEnrolment(user) : null;
      const code = enrolment ? totpCode(enrolment.secret, stepAt(new Date())) : "123456";
      return form({ code, ...foreignUser(f, target) });
    },
    allowed: staffOwn,
  },
  // The identities here have no half-finished sign-in, so no one may verify a code.
  verifyMfaAction: {
    form: async (f, target, who) => form({ code: await currentCode(f, who), ...foreignUser(f, target) }),
    allowed: () => false,
  },
  regenerateRecoveryCodesAction: {
    form: async (f, target, who) => form({ code: await currentCode(f, who), ...foreignUser(f, target) }),
    allowed: staffOwn,
  },
  disableMfaAction: {
    form: async (f, target, who) => form({ code: await currentCode(f, who), ...foreignUser(f, target) }),
    allowed: staffOwn,
  },
  setClinicMfaRequiredAction: {
    form: (f, target) =>
      form({ required: "off", ...(target === "foreign" ? { clinicId: f.b.clinic.id } : {}) }),
    allowed: (who, target) => who === "admin" && target === "own",
  },
  // Public: anyone may ask for a reset (the answer is the same for any address) or use a reset link they hold.
  // Each call is for a new account of its own, so that the per-account limit and a spent link do not matter.
  requestPasswordResetAction: {
    form: async (f, target, who) => {
      const { clinic, clinician } = side(f, target, who);
      return form({ email: (await createPatient(clinic.id, clinician.id)).user.email });
    },
    allowed: () => true,
  },
  resetPasswordAction: {
    form: async (f, target, who) => {
      const { clinic, clinician } = side(f, target, who);
      const reset = await issuePasswordReset((await createPatient(clinic.id, clinician.id)).user.email);
      return form({ token: reset!.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    },
    allowed: () => true,
  },
  saveClinicSettingsAction: {
    form: (f, target) =>
      form({
        name: "Matrix Clinic",
        address: "1 High Street",
        phone: "+44 20 7946 0000",
        emergencyNumber: "112",
        timeZone: "Europe/Dublin",
        ...(target === "foreign" ? { clinicId: f.b.clinic.id } : {}),
      }),
    allowed: (who, target) => who === "admin" && target === "own",
  },
  // Staff: the admin's own clinic only; another clinic's staff are 404, and a forged clinic id is refused.
  inviteStaffAction: {
    form: (f, target) =>
      form({
        name: "Matrix Colleague",
        email: `matrix-staff-${randomUUID().slice(0, 8)}@test.example`,
        role: "CLINICIAN",
        ...(target === "foreign" ? { clinicId: f.b.clinic.id } : {}),
      }),
    allowed: (who, target) => who === "admin" && target === "own",
  },
  deactivateStaffAction: {
    form: (f, target, who) => form({ userId: side(f, target, who).idleClinicianId }),
    allowed: (who, target) => who === "admin" && target === "own",
  },
  reactivateStaffAction: {
    form: (f, target, who) => form({ userId: side(f, target, who).formerClinicianId }),
    allowed: (who, target) => who === "admin" && target === "own",
  },
  reassignAllPatientsAction: {
    form: (f, target, who) =>
      form({ fromId: side(f, target, who).clinician.id, toId: side(f, target, who).colleagueId }),
    allowed: (who, target) => who === "admin" && target === "own",
  },
};

async function matrixTemplate(owner: { clinic: { id: string }; clinician: { id: string } }) {
  const template = await db.planTemplate.create({
    data: { clinicId: owner.clinic.id, createdById: owner.clinician.id, name: "Matrix template" },
  });
  return template.id;
}

/** A safe exercise of the clinic's own catalogue, made for one call. */
async function clinicExercise(clinicId: string): Promise<string> {
  const exercise = await db.exercise.create({
    data: {
      clinicId,
      slug: `matrix-${randomUUID()}`,
      name: `Matrix ${randomUUID().slice(0, 6)}`,
      category: "FLEXIBILITY",
      summary: "s",
      instructions: "Rock the pelvis gently.",
      formCues: [],
      safety: "SAFE",
    },
  });
  return exercise.id;
}

async function build() {
  const sideOf = async () => {
    const setup = await clinicWithActivePlan();
    const paused = await createPatient(setup.clinic.id, setup.clinician.id, "Paused Patient");
    await db.patient.update({ where: { id: paused.id }, data: { status: "PAUSED_RED_FLAG" } });
    const checkIn = await db.checkIn.create({
      data: {
        patientId: paused.id,
        idempotencyKey: randomUUID(),
        requestHash: "x",
        painScore: 3,
        redFlags: ["UNABLE_TO_WALK"],
      },
    });
    const report = await db.redFlagReport.create({
      data: { patientId: paused.id, checkInId: checkIn.id, flags: ["UNABLE_TO_WALK"], painScore: 3 },
    });
    const alert = (severity: "URGENT" | "WARNING", patientId: string) =>
      db.alert.create({
        data: {
          clinicId: setup.clinic.id,
          patientId,
          severity,
          reason: severity === "URGENT" ? "RED_FLAG" : "RISING_PAIN",
          message: "m",
          redFlagReportId: severity === "URGENT" ? report.id : null,
        },
      });
    const urgent = await alert("URGENT", paused.id);
    const warning = await alert("WARNING", setup.patient.id);
    const invited = await createPatient(setup.clinic.id, setup.clinician.id, "Invited Patient");
    await db.user.update({ where: { id: invited.user.id }, data: { passwordHash: "!invited" } });
    const dischargeable = await createPatient(setup.clinic.id, setup.clinician.id, "Discharge Me");
    const discharged = await createPatient(setup.clinic.id, setup.clinician.id, "Readmit Me");
    await db.patient.update({
      where: { id: discharged.id },
      data: { status: "DISCHARGED", dischargedAt: new Date() },
    });
    const colleague = await db.user.create({
      data: {
        clinicId: setup.clinic.id,
        email: `colleague-${randomUUID().slice(0, 8)}@test.example`,
        name: "Colleague",
        role: "CLINICIAN",
        passwordHash: "x",
      },
    });
    const withoutPlan = await createPatient(setup.clinic.id, setup.clinician.id, "No Plan");
    const staff = (name: string, disabledAt: Date | null) =>
      db.user.create({
        data: {
          clinicId: setup.clinic.id,
          email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`,
          name,
          role: "CLINICIAN",
          passwordHash: "x",
          disabledAt,
        },
      });
    const idle = await staff("Idle", null);
    const former = await staff("Former", new Date());
    return {
      ...setup,
      pausedId: paused.id,
      reportId: report.id,
      alertId: urgent.id,
      warningId: warning.id,
      invitedId: invited.id,
      dischargeableId: dischargeable.id,
      dischargedId: discharged.id,
      colleagueId: colleague.id,
      idleClinicianId: idle.id,
      formerClinicianId: former.id,
      withoutPlan,
    };
  };
  const a = await sideOf();
  const b = await sideOf();
  const admin = await db.user.create({
    data: {
      clinicId: a.clinic.id,
      email: `admin-${randomUUID().slice(0, 8)}@test.example`,
      name: "Admin",
      role: "ADMIN",
      passwordHash: "x",
    },
  });
  const walkingId = (await db.exercise.findFirstOrThrow({ where: { clinicId: null, slug: "walking" } })).id;
  const identities: Record<Identity, SessionUser | null> = {
    anonymous: null,
    patient: a.patient.asPatient,
    patientWithoutPlan: a.withoutPlan.asPatient,
    clinician: a.asClinician,
    otherClinician: b.asClinician,
    admin: {
      id: admin.id,
      role: "ADMIN",
      clinicId: a.clinic.id,
      name: "Admin",
      email: admin.email,
      patientId: null,
      sessionId: null,
      mfa: "not-required",
    },
  };
  return { a, b, walkingId, identities };
}

async function everyTableCount(): Promise<number[]> {
  return Promise.all([
    db.plan.count(),
    db.planItem.count(),
    db.planVersion.count(),
    db.planTemplate.count(),
    db.planTemplateItem.count(),
    db.exercise.count(),
    db.checkIn.count(),
    db.sessionLog.count(),
    db.redFlagReport.count(),
    db.alert.count(),
    db.clearance.count(),
    db.invitation.count(),
    db.patient.count(),
    db.user.count(),
    db.outboxMessage.count(),
    db.recoveryCode.count(),
    db.authSession.count(),
  ]);
}

async function patientDigest(): Promise<string> {
  const [row] = await db.$queryRaw<{ digest: string }[]>`
    select md5(string_agg(id::text || status || clinician_id::text || coalesce(phone, '-') || coalesce(referral_reason, '-'), ',' order by id)) as digest from patient`;
  const [plans] = await db.$queryRaw<{ digest: string }[]>`
    select md5(string_agg(id::text || status || version::text || coalesce(patient_seen_version, 0)::text, ',' order by id)) as digest from plan`;
  const [alerts] = await db.$queryRaw<
    { digest: string }[]
  >`select md5(string_agg(id::text || status, ',' order by id)) as digest from alert`;
  const [users] = await db.$queryRaw<{ digest: string }[]>`
    select md5(string_agg(id::text || password_hash || session_version::text || coalesce(totp_enabled_at::text, '-') || coalesce(totp_secret, '-') || coalesce(disabled_at::text, '-'), ',' order by id)) as digest from app_user`;
  const [clinics] = await db.$queryRaw<
    { digest: string }[]
  >`select md5(string_agg(id::text || mfa_required::text || emergency_number || name || coalesce(address, '-') || coalesce(phone, '-') || time_zone, ',' order by id)) as digest from clinic`;
  const [templates] = await db.$queryRaw<{ digest: string }[]>`
    select md5(string_agg(id::text || name || coalesce(retired_at::text, '-'), ',' order by id)) as digest from plan_template`;
  const [exercises] = await db.$queryRaw<{ digest: string }[]>`
    select md5(string_agg(id::text || coalesce(retired_at::text, '-'), ',' order by id)) as digest from exercise`;
  return `${row!.digest}:${plans!.digest}:${alerts!.digest}:${users!.digest}:${clinics!.digest}:${templates!.digest}:${exercises!.digest}`;
}

describe("authorization matrix over every server action", () => {
  let fixture: Fixture;
  // With e-mail configured, as in production: invitations and reset links are e-mailed, not shown.
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await startMailbox();
    env.SMTP_URL = mailbox.url;
    fixture = await build();
  }, 60_000);
  afterAll(async () => {
    const { backgroundSettled } = await import("@/lib/background");
    await backgroundSettled();
    env.SMTP_URL = undefined;
    await mailbox.close();
  });

  it("has a row for every server action", () => {
    const missing = serverActionNames().filter((name) => !COVERED_ELSEWHERE.has(name) && !(name in MATRIX));
    expect(missing).toEqual([]);
    for (const name of Object.keys(MATRIX)) expect(modules).toHaveProperty(name);
  });

  const identities: Identity[] = [
    "anonymous",
    "patient",
    "patientWithoutPlan",
    "clinician",
    "otherClinician",
    "admin",
  ];
  const cases = Object.keys(MATRIX).flatMap((name) =>
    identities.flatMap((who) =>
      (["foreign", "own"] as Target[]).map((target) => [name, who, target] as const),
    ),
  );

  it.each(cases)("%s as %s on %s ids", async (name, who, target) => {
    const row = MATRIX[name]!;
    const action = modules[name as keyof typeof modules] as (
      state: object,
      data: FormData,
    ) => Promise<{ message?: string; ok?: boolean }>;
    acting.user = fixture.identities[who];
    const data = await row.form(fixture, target, who);
    const before = { counts: await everyTableCount(), digest: await patientDigest() };
    const result = await action({}, data).then(
      (state) => ({ state, interrupt: null as string | null }),
      (error: { digest?: string }) => {
        if (typeof error?.digest !== "string") throw error;
        return { state: null, interrupt: error.digest };
      },
    );
    const succeeded =
      result.interrupt?.startsWith("NEXT_REDIRECT;") && !result.interrupt.includes("/login")
        ? true
        : result.state?.ok === true;
    if (row.allowed(who, target)) {
      expect(succeeded, JSON.stringify(result)).toBe(true);
      return;
    }
    expect(succeeded, JSON.stringify(result)).toBe(false);
    expect({ counts: await everyTableCount(), digest: await patientDigest() }).toEqual(before);
    const answer = JSON.stringify(result);
    const other = who === "otherClinician" ? fixture.a : fixture.b;
    for (const foreign of [
      other.patient.user.name,
      other.clinician.name,
      other.clinician.email,
      other.patient.user.email,
    ]) {
      expect(answer).not.toContain(foreign);
    }
  });
});
