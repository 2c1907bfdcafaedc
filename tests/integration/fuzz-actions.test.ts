import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { RED_FLAG_CODES, isSeverePain } from "@/lib/domain/red-flags";
import { painAnswer } from "@/lib/validation/check-in";
import type { AdminUser, ClinicianUser, PatientUser } from "@/lib/dal/session";
import { clinicWithActivePlan } from "../support/plans";
import { SESSION_ACTIONS, loadServerActions } from "../support/server-actions";

// Random and hostile input thrown at every form action: whatever arrives, the answer is a typed refusal
// (a FormState with a message) and nothing is stored.
const session = vi.hoisted(() => ({
  patient: null as PatientUser | null,
  clinician: null as ClinicianUser | null,
  admin: null as AdminUser | null,
}));
vi.mock("@/lib/dal/session", () => ({
  requirePatient: async () => session.patient,
  requireClinician: async () => session.clinician,
  requireAdmin: async () => session.admin,
  requireUser: async () => session.clinician,
  requireSignedIn: async () => session.clinician,
  currentUser: async () => session.clinician,
  homeFor: () => "/clinician",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost" }) }));
vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {},
}));
vi.mock("@/lib/auth", () => ({
  signIn: async () => {
    throw new Error("signIn is not part of this test");
  },
}));

const actions = await loadServerActions();

const hostile = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ minLength: 3000, maxLength: 6000 }),
  fc.constantFrom(
    "",
    "-1",
    "11",
    "1e9",
    "NaN",
    "null",
    "{}",
    "[]",
    "' or 1=1 --",
    "<script>alert(1)</script>",
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.json(),
);
const fieldNames = fc.constantFrom(
  "idempotencyKey",
  "painScore",
  "redFlags",
  "painBefore",
  "painAfter",
  "notes",
  "discomfort",
  "planVersion",
  "exerciseIds",
  "payload",
  "intent",
  "name",
  "email",
  "category",
  "summary",
  "instructions",
  "alertId",
  "patientId",
  "note",
  "confirmed",
  "clinicianId",
  "token",
  "password",
  "confirm",
  "version",
  "planId",
  "safety",
  "code",
  "required",
  "__proto__",
  "constructor",
);
/**
 * Whether random fields carry a clinical signal: a recognised red flag, or a pain of 8 or more. Those are
 * stored whatever else the form holds, by design (tests/integration/red-flag-path.test.ts), so they are not
 * "hostile input that must store nothing".
 */
function carriesClinicalSignal(fields: [string, string][]): boolean {
  return fields.some(
    ([key, value]) =>
      (key === "redFlags" && (RED_FLAG_CODES as readonly string[]).includes(value)) ||
      (["painScore", "painBefore", "painAfter"].includes(key) &&
        isSeverePain(painAnswer(key).parse(value).score)),
  );
}

// The clinic MFA switch's two valid answers are not hostile input; either would be a legitimate change.
const forms = fc
  .array(fc.tuple(fieldNames, hostile), { maxLength: 12 })
  .filter(
    (fields) =>
      !fields.some(([key, value]) => key === "required" && (value === "on" || value === "off")) &&
      !carriesClinicalSignal(fields),
  );

async function counts() {
  const [logs, checkIns, plans, exercises, alerts, patients, invitations, recoveryCodes, mfaClinics] =
    await Promise.all([
      db.sessionLog.count(),
      db.checkIn.count(),
      db.plan.count(),
      db.exercise.count(),
      db.alert.count(),
      db.patient.count(),
      db.invitation.count(),
      db.recoveryCode.count(),
      db.clinic.count({ where: { mfaRequired: true } }),
    ]);
  return { logs, checkIns, plans, exercises, alerts, patients, invitations, recoveryCodes, mfaClinics };
}

describe("fuzzing every form action", () => {
  beforeAll(async () => {
    const setup = await clinicWithActivePlan();
    session.patient = setup.patient.asPatient;
    session.clinician = setup.asClinician;
    session.admin = { ...setup.asClinician, role: "ADMIN" };
  });

  const names = Object.keys(actions).filter((name) => name.endsWith("Action") && !SESSION_ACTIONS.has(name));
  it.each(names)(
    "%s refuses random input with a message and stores nothing",
    async (name) => {
      const action = actions[name as keyof typeof actions] as (
        state: object,
        data: FormData,
      ) => Promise<{ message?: string }>;
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(forms, async (fields) => {
          const data = new FormData();
          for (const [key, value] of fields) data.append(key, value);
          const state = await action({}, data);
          expect(typeof state.message).toBe("string");
          expect(state.message).not.toMatch(/prisma|select |insert |stack|at \//i);
        }),
        { numRuns: 60 },
      );
      expect(await counts()).toEqual(before);
    },
    60_000,
  );
});
