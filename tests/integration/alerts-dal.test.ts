import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acknowledgeAlert, closeRedFlags, listOpenAlerts, resolveWarning } from "@/lib/dal/alerts";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { DomainError } from "@/lib/domain/errors";
import { nextInterrupt } from "../support/fixtures";
import { checkInAndLog, clinicWithActivePlan } from "../support/plans";

async function withAlerts() {
  const setup = await clinicWithActivePlan();
  await checkInAndLog(setup.patient, {
    idempotencyKey: randomUUID(),
    planVersion: 1,
    exerciseIds: [],
    painBefore: 3,
    painAfter: 6,
    discomfort: "PAIN",
    worseOrSpread: true,
    notes: null,
  });
  await submitCheckIn(setup.patient.asPatient, {
    idempotencyKey: randomUUID(),
    redFlags: ["UNABLE_TO_WALK"],
    painScore: 5,
  });
  return setup;
}

describe("clinician alerts", () => {
  it("lists the clinic's open alerts URGENT first, and flags an unacknowledged URGENT alert after 15 minutes", async () => {
    const { asClinician } = await withAlerts();
    const now = await listOpenAlerts(asClinician);
    expect(now.map((alert) => [alert.severity, alert.overdue])).toEqual([
      ["URGENT", false],
      ["WARNING", false],
    ]);
    const later = await listOpenAlerts(asClinician, {}, new Date(Date.now() + 15 * 60_000 + 1000));
    expect(later.map((alert) => [alert.severity, alert.overdue])).toEqual([
      ["URGENT", true],
      ["WARNING", false],
    ]);
  });

  it("records who acknowledged and who resolved, and when", async () => {
    const { asClinician, patient } = await withAlerts();
    const [urgent, warning] = await listOpenAlerts(asClinician);
    await acknowledgeAlert(asClinician, urgent!.id);
    await resolveWarning(asClinician, warning!.id, "Phoned the patient.");
    const rows = await db.alert.findMany({ where: { patientId: patient.id }, orderBy: { severity: "asc" } });
    expect(
      rows.map((row) => [
        row.severity,
        row.status,
        row.acknowledgedById,
        row.resolvedById,
        row.resolutionNote,
      ]),
    ).toEqual([
      ["URGENT", "ACKNOWLEDGED", asClinician.id, null, null],
      ["WARNING", "RESOLVED", asClinician.id, asClinician.id, "Phoned the patient."],
    ]);
    expect(rows.every((row) => row.acknowledgedAt !== null)).toBe(true);
    const error = await resolveWarning(asClinician, urgent!.id, "Trying to close it").catch(
      (e: unknown) => e,
    );
    expect((error as DomainError).code).toBe("NEEDS_CLEARANCE");
  });

  it("gives another clinic's clinician 404 for every alert action and changes nothing", async () => {
    const mine = await withAlerts();
    const other = await clinicWithActivePlan();
    const [urgent, warning] = await listOpenAlerts(mine.asClinician);
    expect(await listOpenAlerts(other.asClinician)).toEqual([]);
    expect(await nextInterrupt(acknowledgeAlert(other.asClinician, urgent!.id))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(await nextInterrupt(resolveWarning(other.asClinician, warning!.id, "not mine"))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    const report = await db.redFlagReport.findFirstOrThrow({ where: { patientId: mine.patient.id } });
    expect(
      await nextInterrupt(
        closeRedFlags(other.asClinician, {
          patientId: mine.patient.id,
          reportIds: [report.id],
          outcome: "CLEARED",
          note: "not mine",
        }),
      ),
    ).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    const rows = await db.alert.findMany({ where: { patientId: mine.patient.id } });
    expect(rows.every((row) => row.status === "OPEN")).toBe(true);
    expect((await db.patient.findUniqueOrThrow({ where: { id: mine.patient.id } })).status).toBe(
      "PAUSED_RED_FLAG",
    );
  });
});
