import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import * as audit from "@/lib/dal/audit";
import * as outbox from "@/lib/dal/outbox";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { closeRedFlags } from "@/lib/dal/alerts";
import { DomainError } from "@/lib/domain/errors";
import { concurrently, values } from "../support/concurrently";
import { checkInAndLog, clinicWithActivePlan } from "../support/plans";

async function patientRows(patientId: string) {
  const [checkIns, reports, alerts, outboxRows, patient, plans] = await Promise.all([
    db.checkIn.count({ where: { patientId } }),
    db.redFlagReport.count({ where: { patientId } }),
    db.alert.count({ where: { patientId } }),
    db.outboxMessage.count({ where: { payload: { path: ["patientId"], equals: patientId } } }),
    db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { status: true } }),
    db.plan.findMany({ where: { patientId }, select: { status: true } }),
  ]);
  return {
    checkIns,
    reports,
    alerts,
    outboxRows,
    patientStatus: patient.status,
    planStatuses: plans.map((plan) => plan.status),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the red-flag check-in", () => {
  it("stores the report, pauses patient and plan, opens an URGENT alert, queues its delivery and audits it, together", async () => {
    const { patient, clinic } = await clinicWithActivePlan();
    const result = await submitCheckIn(patient.asPatient, {
      idempotencyKey: randomUUID(),
      redFlags: ["TINGLING_OR_NUMBNESS"],
      painScore: 4,
    });
    expect(result.outcome).toBe("RED_FLAG");
    expect(await patientRows(patient.id)).toEqual({
      checkIns: 1,
      reports: 1,
      alerts: 1,
      outboxRows: 1,
      patientStatus: "PAUSED_RED_FLAG",
      planStatuses: ["PAUSED"],
    });
    const alert = await db.alert.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(alert).toMatchObject({
      clinicId: clinic.id,
      severity: "URGENT",
      status: "OPEN",
      reason: "RED_FLAG",
    });
    expect(alert.message).toBe("Red flag reported: Tingling or numbness (pain 4/10).");
    const actions = await db.auditEvent.findMany({
      where: { patientId: patient.id, actorId: patient.user.id },
      select: { action: true },
    });
    expect(actions.map((event) => event.action).sort()).toEqual([
      "alert.opened",
      "plan.paused",
      "red_flag.reported",
    ]);
  });

  it.each([
    [7, "CLEAR"],
    [8, "RED_FLAG"],
  ] as const)("pain %i with no symptom ticked is %s", async (painScore, outcome) => {
    const { patient } = await clinicWithActivePlan();
    const result = await submitCheckIn(patient.asPatient, {
      idempotencyKey: randomUUID(),
      redFlags: [],
      painScore,
    });
    expect(result.outcome).toBe(outcome);
    expect((await patientRows(patient.id)).reports).toBe(outcome === "RED_FLAG" ? 1 : 0);
  });

  it.each([
    ["queueing the delivery", () => vi.spyOn(outbox, "enqueueAlert")],
    ["writing the audit trail", () => vi.spyOn(audit, "audit")],
  ])("leaves nothing stored when it fails while %s", async (_step, spy) => {
    const { patient } = await clinicWithActivePlan();
    const before = await patientRows(patient.id);
    spy().mockRejectedValueOnce(new Error("injected failure"));
    await expect(
      submitCheckIn(patient.asPatient, {
        idempotencyKey: randomUUID(),
        redFlags: ["UNABLE_TO_WALK"],
        painScore: 3,
      }),
    ).rejects.toThrow("injected failure");
    expect(await patientRows(patient.id)).toEqual(before);
    expect(before).toMatchObject({ checkIns: 0, patientStatus: "ACTIVE", planStatuses: ["ACTIVE"] });
  });

  it("stores one check-in for 20 concurrent submissions with one key, and returns it to each", async () => {
    const { patient } = await clinicWithActivePlan();
    const input = { idempotencyKey: randomUUID(), redFlags: ["TINGLING_OR_NUMBNESS" as const], painScore: 5 };
    const results = values(await concurrently(20, () => submitCheckIn(patient.asPatient, input)));
    expect(new Set(results.map((result) => result.checkInId)).size).toBe(1);
    expect(await patientRows(patient.id)).toMatchObject({
      checkIns: 1,
      reports: 1,
      alerts: 1,
      outboxRows: 1,
    });
  });

  // A red flag under a reused key is stored all the same (tests/integration/red-flag-path.test.ts).
  it("refuses a reused key with different answers that carry no red flag", async () => {
    const { patient } = await clinicWithActivePlan();
    const key = randomUUID();
    await submitCheckIn(patient.asPatient, { idempotencyKey: key, redFlags: [], painScore: 2 });
    const error = await submitCheckIn(patient.asPatient, {
      idempotencyKey: key,
      redFlags: [],
      painScore: 3,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("IDEMPOTENCY_CONFLICT");
    expect(await patientRows(patient.id)).toMatchObject({ checkIns: 1, reports: 0, patientStatus: "ACTIVE" });
  });

  it("blocks logging until a clinician records clearance, which resumes patient and plan", async () => {
    const { patient, asClinician, plan } = await clinicWithActivePlan();
    await submitCheckIn(patient.asPatient, {
      idempotencyKey: randomUUID(),
      redFlags: ["UNABLE_TO_WALK"],
      painScore: 3,
    });
    const log = {
      planVersion: plan.version,
      exerciseIds: [],
      painBefore: 2,
      painAfter: 2,
      discomfort: "NONE" as const,
      worseOrSpread: false,
      notes: null,
    };
    const refused = await checkInAndLog(patient, { ...log, idempotencyKey: randomUUID() }).catch(
      (e: unknown) => e,
    );
    expect((refused as DomainError).code).toBe("PAUSED");
    expect(await db.sessionLog.count({ where: { patientId: patient.id } })).toBe(0);

    const report = await db.redFlagReport.findFirstOrThrow({ where: { patientId: patient.id } });
    await closeRedFlags(asClinician, {
      patientId: patient.id,
      reportIds: [report.id],
      outcome: "CLEARED",
      note: "Cleared by Dr Okafor by phone",
    });
    expect(await patientRows(patient.id)).toMatchObject({
      patientStatus: "ACTIVE",
      planStatuses: ["ACTIVE"],
    });
    const alert = await db.alert.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(alert).toMatchObject({
      status: "RESOLVED",
      resolvedById: asClinician.id,
      acknowledgedById: asClinician.id,
      resolutionNote: "Doctor's clearance recorded: Cleared by Dr Okafor by phone",
    });
    const clearance = await db.clearance.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(clearance).toMatchObject({
      clinicianId: asClinician.id,
      redFlagReportId: report.id,
      outcome: "CLEARED",
      doctorClearanceConfirmed: true,
      note: "Cleared by Dr Okafor by phone",
    });

    await checkInAndLog(patient, { ...log, idempotencyKey: randomUUID() });
    expect(await db.sessionLog.count({ where: { patientId: patient.id } })).toBe(1);
  });
});
