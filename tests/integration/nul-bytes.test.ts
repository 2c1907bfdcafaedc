import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { AdminUser, ClinicianUser, PatientUser } from "@/lib/dal/session";
import { clearCheckIn } from "../support/fixtures";
import { clinicWithActivePlan } from "../support/plans";
import { loadServerActions } from "../support/server-actions";

// PostgreSQL refuses a NUL character in text. Every action that runs through the wrapper (lib/actions/action.ts)
// refuses a NUL in any field with words the reader can act on, before anything is parsed or stored; proxy.ts
// answers 400 to the same form over HTTP (e2e/hostile-input.spec.ts).
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
/** The actions that read the session cookie itself, not a form through the wrapper. */
const NOT_WRAPPED = new Set(["signInAction", "signOutAction", "signOutEverywhereAction"]);
/** Patients' actions take NULs out instead: their forms may carry a red flag or a pain score. */
const PATIENT_ACTIONS = new Set(["checkInAction", "logSessionAction", "acknowledgePlanAction"]);
type FormAction = (state: object, data: FormData) => Promise<{ message?: string; fieldErrors?: object }>;

async function counts() {
  const [logs, checkIns, plans, exercises, alerts, patients, invitations, audits] = await Promise.all([
    db.sessionLog.count(),
    db.checkIn.count(),
    db.plan.count(),
    db.exercise.count(),
    db.alert.count(),
    db.patient.count(),
    db.invitation.count(),
    db.auditEvent.count(),
  ]);
  return { logs, checkIns, plans, exercises, alerts, patients, invitations, audits };
}

describe("a NUL character in a form field", () => {
  let plan: Awaited<ReturnType<typeof clinicWithActivePlan>>;
  beforeAll(async () => {
    plan = await clinicWithActivePlan();
    session.patient = plan.patient.asPatient;
    session.clinician = plan.asClinician;
    session.admin = { ...plan.asClinician, role: "ADMIN" };
  });

  const names = Object.keys(actions).filter(
    (name) => name.endsWith("Action") && !NOT_WRAPPED.has(name) && !PATIENT_ACTIONS.has(name),
  );
  it.each(names)("%s refuses it in any field, says so, and stores nothing", async (name) => {
    const action = actions[name as keyof typeof actions] as FormAction;
    const before = await counts();
    for (const [key, value] of [
      ["notes", "Felt fine\u0000"],
      ["name", "\u0000"],
      ["payload", '{"items":[]}\u0000'],
      ["idempotencyKey", "6a1e0f4e-3b1f-4c55-9d0e-1f2a3b4c5d6e\u0000"],
      ["no\u0000tes", "a field name with a NUL"],
    ]) {
      const data = new FormData();
      data.append(key!, value!);
      const state = await action({}, data);
      expect(state.message, `${name} with a NUL in ${JSON.stringify(key)}`).toMatch(/invisible character/);
    }
    expect(await counts()).toEqual(before);
  });

  it("is refused on an otherwise valid form, with the field named", async () => {
    const { createExerciseAction } = actions as unknown as Record<string, FormAction>;
    const before = await counts();
    const data = new FormData();
    data.append("name", "Bird\u0000dog");
    data.append("category", "FLEXIBILITY");
    data.append("formCues", "");
    data.append("summary", "On hands and knees, reach one arm and the opposite leg.");
    data.append("instructions", "Keep the back level and move slowly.");
    const state = await createExerciseAction!({}, data);
    expect(state.message).toMatch(/invisible character/);
    expect(state.fieldErrors).toEqual({ name: [expect.stringMatching(/invisible character/)] });
    expect(await counts()).toEqual(before);
  });
});

describe("a NUL character in a patient's form", () => {
  it("is taken out, and the clinical signal of the form is stored", async () => {
    const plan = await clinicWithActivePlan();
    session.patient = plan.patient.asPatient;
    const { checkInAction, logSessionAction } = actions as unknown as Record<string, FormAction>;
    const checkIn = new FormData();
    checkIn.append("idempotencyKey", randomUUID());
    checkIn.append("redFlags", "BOTH_LEGS\u0000");
    checkIn.append("painScore", "7");
    await checkInAction!({}, checkIn).catch(() => undefined); // a red flag redirects to the advice
    const stored = await db.checkIn.findFirst({ where: { patientId: plan.patient.id } });
    expect(stored?.redFlags).toEqual(["BOTH_LEGS"]);
    expect(await db.alert.count({ where: { patientId: plan.patient.id, severity: "URGENT" } })).toBe(1);

    const other = await clinicWithActivePlan();
    session.patient = other.patient.asPatient;
    await clearCheckIn(other.patient.id);
    const log = new FormData();
    for (const [key, value] of Object.entries({
      idempotencyKey: randomUUID(),
      planVersion: "1",
      painBefore: "3",
      painAfter: "9",
      discomfort: "NONE",
      notes: "Sharp pain\u0000 down both legs",
    }))
      log.append(key, value);
    for (const id of other.exerciseIds) log.append("exerciseIds", id);
    await logSessionAction!({}, log).catch(() => undefined);
    const logs = await db.sessionLog.findMany({ where: { patientId: other.patient.id } });
    expect(logs.map((row) => [row.painAfter, row.notes])).toEqual([[9, "Sharp pain down both legs"]]);
  });
});
