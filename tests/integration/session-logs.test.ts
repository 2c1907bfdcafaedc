import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getOwnSessionLog, logSession } from "@/lib/dal/session-logs";
import { DomainError } from "@/lib/domain/errors";
import { clearCheckIn, nextInterrupt } from "../support/fixtures";
import { concurrently, values } from "../support/concurrently";
import { checkInAndLog, clinicWithActivePlan, sessionInput } from "../support/plans";

const session = sessionInput;

describe("logSession", () => {
  it("stores the session against the plan version followed, with the exercises done", async () => {
    const { patient, exerciseIds, plan } = await clinicWithActivePlan();
    const { sessionLogId } = await checkInAndLog(
      patient,
      session({ exerciseIds, notes: "<b>felt fine</b>" }),
    );
    const log = await db.sessionLog.findUniqueOrThrow({
      where: { id: sessionLogId },
      include: { items: true, planVersion: true },
    });
    expect(log.planVersion.version).toBe(plan.version);
    expect(log.items.map((item) => item.exerciseId).sort()).toEqual([...exerciseIds].sort());
    expect(log.notes).toBe("<b>felt fine</b>");
    expect(await db.alert.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("opens a WARNING alert when pain got worse or spread", async () => {
    const { patient } = await clinicWithActivePlan();
    const { sessionLogId } = await checkInAndLog(
      patient,
      session({ painBefore: 3, painAfter: 6, worseOrSpread: true }),
    );
    const alerts = await db.alert.findMany({ where: { patientId: patient.id } });
    expect(alerts.map((alert) => [alert.severity, alert.reason, alert.sessionLogId])).toEqual([
      ["WARNING", "PAIN_WORSE_OR_SPREAD", sessionLogId],
    ]);
    expect((await getOwnSessionLog(patient.asPatient, sessionLogId)).assessment.guidance).toEqual([
      "STOP_AND_REST",
    ]);
  });

  it.each([
    [1, 0],
    [2, 1],
  ])("a rise of %i points in two sessions in a row opens %i warning", async (rise, expected) => {
    const { patient } = await clinicWithActivePlan();
    await checkInAndLog(patient, session({ painBefore: 2, painAfter: 2 + rise }));
    await checkInAndLog(patient, session({ painBefore: 3, painAfter: 3 + rise }));
    expect(await db.alert.count({ where: { patientId: patient.id, reason: "RISING_PAIN" } })).toBe(expected);
  });

  it("stores one session for 20 concurrent submissions with one key", async () => {
    const { patient } = await clinicWithActivePlan();
    const input = session({ painBefore: 3, painAfter: 6, worseOrSpread: true });
    await clearCheckIn(patient.id);
    const results = values(await concurrently(20, () => logSession(patient.asPatient, input)));
    expect(new Set(results.map((result) => result.sessionLogId)).size).toBe(1);
    expect(await db.sessionLog.count({ where: { patientId: patient.id } })).toBe(1);
    expect(await db.alert.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it.each([
    [
      "an exercise that is not in the plan",
      { exerciseIds: ["00000000-0000-4000-8000-000000000000"] },
      "UNKNOWN_ITEM",
    ],
    ["a stale plan version", { planVersion: 7 }, "STALE_PLAN"],
  ])("refuses %s and stores nothing", async (_label, overrides, code) => {
    const { patient } = await clinicWithActivePlan();
    const error = await checkInAndLog(patient, session(overrides)).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe(code);
    expect(await db.sessionLog.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("shows a patient only their own session logs", async () => {
    const first = await clinicWithActivePlan();
    const second = await clinicWithActivePlan();
    const { sessionLogId } = await checkInAndLog(first.patient, session());
    expect(await nextInterrupt(getOwnSessionLog(second.patient.asPatient, sessionLogId))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
  });
});
