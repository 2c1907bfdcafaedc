import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { listPastPlans, readmitPatient } from "@/lib/dal/episodes";
import { dischargePatient } from "@/lib/dal/patient-admin";
import { getPatientRecord } from "@/lib/dal/patient-record";
import { savePlan } from "@/lib/dal/plan-writes";
import type { ClinicianUser } from "@/lib/dal/session";
import { getLogForm } from "@/lib/dal/session-logs";
import { AUDIT_ACTIONS } from "@/lib/domain/audit-actions";
import { DomainError } from "@/lib/domain/errors";
import { createClinic, nextInterrupt } from "../support/fixtures";
import { checkInAndLog, clinicWithActivePlan, newPlanInput, sessionInput } from "../support/plans";

const session = vi.hoisted(() => ({ user: null as ClinicianUser | null }));
vi.mock("@/lib/dal/session", async (original) => ({
  ...(await original<typeof import("@/lib/dal/session")>()),
  requireClinician: async () => {
    if (!session.user) throw new Error("no session");
    return session.user;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { updatePatientDetailsAction, readmitPatientAction } = await import("@/lib/actions/patient-record");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

const record = (patientId: string) =>
  db.patient.findUniqueOrThrow({
    where: { id: patientId },
    select: {
      dateOfBirth: true,
      phone: true,
      preferredContact: true,
      externalRecordNumber: true,
      referralReason: true,
      emergencyContactName: true,
      emergencyContactRelationship: true,
      emergencyContactPhone: true,
    },
  });

/** Runs an action and returns its form state, or the Next.js interrupt (redirect, 404) it threw. */
async function run(action: typeof updatePatientDetailsAction, data: FormData) {
  try {
    return { state: await action({}, data), interrupt: null };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest !== "string") throw error;
    return { state: null, interrupt: digest };
  }
}

describe("the patient's record", () => {
  let setup: Awaited<ReturnType<typeof createClinic>>;
  const valid = () => ({
    patientId: setup.patient.id,
    dateOfBirth: "1961-04-23",
    phone: " +44 7700  900123 ",
    preferredContact: "TEXT",
    externalRecordNumber: "NHS 943 476 5919",
    referralReason: "Non-specific lower back pain for six weeks after lifting.",
    emergencyContactName: "Ada Morgan",
    emergencyContactRelationship: "Partner",
    emergencyContactPhone: "07700 900456",
  });

  beforeEach(async () => {
    setup = await createClinic();
    session.user = setup.asClinician;
  });

  it("stores every field at once and audits which fields changed, never their values", async () => {
    const result = await run(updatePatientDetailsAction, form(valid()));
    expect(result.interrupt).toBe(
      `NEXT_REDIRECT;replace;/clinician/patients/${setup.patient.id}?details=saved;307;`,
    );
    expect(await record(setup.patient.id)).toEqual({
      dateOfBirth: new Date("1961-04-23T00:00:00Z"),
      phone: "+44 7700 900123",
      preferredContact: "TEXT",
      externalRecordNumber: "NHS 943 476 5919",
      referralReason: "Non-specific lower back pain for six weeks after lifting.",
      emergencyContactName: "Ada Morgan",
      emergencyContactRelationship: "Partner",
      emergencyContactPhone: "07700 900456",
    });
    const events = await db.auditEvent.findMany({
      where: { patientId: setup.patient.id, action: "patient.details_updated" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(setup.clinician.id);
    const stored = JSON.stringify(events[0]!.metadata);
    expect(stored).toContain("referralReason");
    for (const value of ["7700", "lifting", "Ada", "1961", "NHS"]) expect(stored).not.toContain(value);
    expect(AUDIT_ACTIONS["patient.details_updated"]()).not.toMatch(/\d/);

    // Emptying a field stores null; saving the same values again writes no second audit row.
    await run(updatePatientDetailsAction, form({ ...valid(), externalRecordNumber: "  " }));
    expect((await record(setup.patient.id)).externalRecordNumber).toBeNull();
    await run(updatePatientDetailsAction, form({ ...valid(), externalRecordNumber: "" }));
    expect(
      await db.auditEvent.count({
        where: { patientId: setup.patient.id, action: "patient.details_updated" },
      }),
    ).toBe(2);
  });

  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  it.each([
    [
      "a birth date in the future",
      { dateOfBirth: tomorrow },
      "dateOfBirth",
      "The date of birth cannot be in the future.",
    ],
    [
      "a birth date before 1900",
      { dateOfBirth: "1899-12-31" },
      "dateOfBirth",
      "Give the date of birth as a day between 1900 and 2100.",
    ],
    [
      "a day that does not exist",
      { dateOfBirth: "2001-02-30" },
      "dateOfBirth",
      "Give the date of birth as a day between 1900 and 2100.",
    ],
    [
      "letters in the phone",
      { phone: "call me" },
      "phone",
      "Give the phone number in digits, such as 07700 900123 or +44 7700 900123.",
    ],
    [
      "a phone of 16 digits",
      { phone: "+1234567890123456" },
      "phone",
      "A phone number has at most 15 digits.",
    ],
    [
      "text messages without a phone",
      { phone: "" },
      "phone",
      "Give a phone number to be contacted by phone call or text message.",
    ],
    [
      "an unknown way of contact",
      { preferredContact: "PIGEON" },
      "preferredContact",
      "Choose phone call, e-mail or text message.",
    ],
    [
      "an emergency contact without a phone",
      { emergencyContactPhone: "" },
      "emergencyContactPhone",
      "Give the emergency contact's phone number.",
    ],
    [
      "an emergency contact without a name",
      { emergencyContactName: "" },
      "emergencyContactName",
      "Give the emergency contact's name.",
    ],
    [
      "a referral reason over 1,000 characters",
      { referralReason: "x".repeat(1001) },
      "referralReason",
      "Keep the referral reason under 1,000 characters.",
    ],
  ])("refuses %s next to the field and stores nothing", async (_case, change, field, message) => {
    const before = await record(setup.patient.id);
    const audits = await db.auditEvent.count({ where: { patientId: setup.patient.id } });
    const result = await run(updatePatientDetailsAction, form({ ...valid(), ...change }));
    expect(result.state?.fieldErrors?.[field]).toEqual([message]);
    expect(await record(setup.patient.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { patientId: setup.patient.id } })).toBe(audits);
  });

  it("refuses a field the form does not have, and another clinic's patient as a missing one", async () => {
    const strict = await run(updatePatientDetailsAction, form({ ...valid(), status: "ACTIVE" }));
    expect(strict.state?.message).toBe("Some answers need another look.");
    const other = await createClinic();
    const foreign = await run(updatePatientDetailsAction, form({ ...valid(), patientId: other.patient.id }));
    expect(foreign.interrupt).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect((await record(other.patient.id)).phone).toBeNull();
  });

  it("holds the shapes in the database whatever the code does", async () => {
    const update = (data: Record<string, unknown>) =>
      db.patient.update({ where: { id: setup.patient.id }, data }).then(
        () => "stored",
        () => "refused",
      );
    expect(await update({ phone: "not a number" })).toBe("refused");
    expect(await update({ preferredContact: "TEXT" })).toBe("refused");
    expect(await update({ emergencyContactName: "Ada" })).toBe("refused");
    expect(await update({ dateOfBirth: new Date("1800-01-01T00:00:00Z") })).toBe("refused");
    expect(await update({ status: "DISCHARGED" })).toBe("refused");
    expect(await update({ phone: "+44 7700 900123", preferredContact: "TEXT" })).toBe("stored");
  });
});

describe("discharge keeps the history; re-admission starts a new episode", () => {
  it("keeps the plan, its versions and the logs readable after discharge", async () => {
    const setup = await clinicWithActivePlan();
    await checkInAndLog(setup.patient, sessionInput({ notes: "Walked by the river." }));
    await dischargePatient(setup.asClinician, setup.patient.id);

    const patient = await db.patient.findUniqueOrThrow({ where: { id: setup.patient.id } });
    expect(patient.status).toBe("DISCHARGED");
    expect(patient.dischargedAt).toBeInstanceOf(Date);
    const past = await listPastPlans(setup.asClinician, setup.patient.id);
    expect(past.map((plan) => plan.id)).toEqual([setup.plan.planId]);
    expect(past[0]!.items.map((item) => item.exercise.name)).toEqual(["Walking", "Light stretching"]);
    expect(past[0]!.versions.map((version) => version.version)).toEqual([1]);
    const history = await getPatientRecord(setup.asClinician, setup.patient.id);
    expect(history.logs.map((log) => log.notes)).toEqual(["Walked by the river."]);
    // No new plan until the patient is re-admitted.
    const refused = await savePlan(
      setup.asClinician,
      newPlanInput(setup.patient.id, setup.exerciseIds),
    ).catch((error: unknown) => error);
    expect((refused as DomainError).code).toBe("DISCHARGED");
    // Another clinic's clinician gets nothing, even with the id.
    const other = await createClinic();
    expect(await listPastPlans(other.asClinician, setup.patient.id)).toEqual([]);
  });

  it("re-admits: active again, a new plan from the builder, the earlier plan and logs kept, audited", async () => {
    const setup = await clinicWithActivePlan();
    await checkInAndLog(setup.patient, sessionInput());
    await dischargePatient(setup.asClinician, setup.patient.id);
    session.user = setup.asClinician;

    const result = await run(readmitPatientAction, form({ patientId: setup.patient.id }));
    expect(result.interrupt).toBe(`NEXT_REDIRECT;replace;/clinician/patients/${setup.patient.id}/plan;307;`);
    const patient = await db.patient.findUniqueOrThrow({ where: { id: setup.patient.id } });
    expect(patient.status).toBe("ACTIVE");
    expect(patient.dischargedAt).toBeNull();
    expect(
      await db.auditEvent.count({ where: { patientId: setup.patient.id, action: "patient.readmitted" } }),
    ).toBe(1);

    // The builder starts a new plan (no current one); the old plan stays completed, its log still readable.
    const fresh = await savePlan(
      setup.asClinician,
      newPlanInput(setup.patient.id, setup.exerciseIds.slice(0, 1)),
    );
    expect(fresh.planId).not.toBe(setup.plan.planId);
    expect((await db.plan.findUniqueOrThrow({ where: { id: setup.plan.planId } })).status).toBe("COMPLETED");
    expect((await listPastPlans(setup.asClinician, setup.patient.id)).map((plan) => plan.id)).toEqual([
      setup.plan.planId,
    ]);
    expect((await getPatientRecord(setup.asClinician, setup.patient.id)).logs).toHaveLength(1);
    expect((await getLogForm(setup.patient.asPatient)).refusal).toBeNull();

    // Only a discharged patient can be re-admitted.
    const again = await readmitPatient(setup.asClinician, setup.patient.id).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(DomainError);
    expect((again as DomainError).code).toBe("NOT_DISCHARGED");
  });

  it("keeps a patient whose red flag still waits paused, and refuses another clinic's patient as missing", async () => {
    const setup = await createClinic();
    await dischargePatient(setup.asClinician, setup.patient.id);
    const checkIn = await db.checkIn.create({
      data: {
        patientId: setup.patient.id,
        idempotencyKey: randomUUID(),
        requestHash: "x",
        painScore: 9,
        redFlags: ["VERY_SEVERE_PAIN"],
      },
    });
    await db.redFlagReport.create({
      data: { patientId: setup.patient.id, checkInId: checkIn.id, flags: ["VERY_SEVERE_PAIN"], painScore: 9 },
    });
    const other = await createClinic();
    expect(await nextInterrupt(readmitPatient(other.asClinician, setup.patient.id))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect((await db.patient.findUniqueOrThrow({ where: { id: setup.patient.id } })).status).toBe(
      "DISCHARGED",
    );
    expect((await readmitPatient(setup.asClinician, setup.patient.id)).status).toBe("PAUSED_RED_FLAG");
  });
});
