import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { isOverdue } from "@/lib/domain/alerts";
import type { AuditAction } from "@/lib/domain/audit-actions";
import type { RedFlagOutcome } from "@/lib/domain/red-flags";
import { audit } from "./audit";
import { safetyTransaction } from "./transaction";
import type { ClinicianUser } from "./session";

const alertSelect = {
  id: true,
  severity: true,
  reason: true,
  status: true,
  message: true,
  createdAt: true,
  acknowledgedAt: true,
  acknowledgedBy: { select: { name: true } },
  resolvedAt: true,
  resolvedBy: { select: { name: true } },
  resolutionNote: true,
  patient: { select: { id: true, user: { select: { name: true } } } },
} as const;

/** The clinic's alerts that still need a clinician (OPEN or ACKNOWLEDGED), URGENT first, oldest first. */
export async function listOpenAlerts(
  user: ClinicianUser,
  filter: { patientId?: string } = {},
  now = new Date(),
) {
  const alerts = await db.alert.findMany({
    where: {
      clinicId: user.clinicId,
      status: { not: "RESOLVED" },
      ...(filter.patientId ? { patientId: filter.patientId } : {}),
    },
    orderBy: [{ severity: "asc" }, { createdAt: "asc" }],
    select: alertSelect,
  });
  return alerts.map((alert) => ({ ...alert, overdue: isOverdue(alert, now) }));
}

export type OpenAlert = Awaited<ReturnType<typeof listOpenAlerts>>[number];

/** A patient's resolved alerts, newest first, for the history on their page. */
export async function listResolvedAlerts(user: ClinicianUser, patientId: string) {
  return db.alert.findMany({
    where: { clinicId: user.clinicId, patientId, status: "RESOLVED" },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: alertSelect,
  });
}

async function findClinicAlert(user: ClinicianUser, alertId: string) {
  const id = z.uuid().safeParse(alertId);
  if (!id.success) notFound();
  const alert = await db.alert.findFirst({
    where: { id: id.data, clinicId: user.clinicId },
    select: { id: true, status: true, severity: true, patientId: true },
  });
  if (!alert) notFound();
  return alert;
}

export async function acknowledgeAlert(user: ClinicianUser, alertId: string) {
  const alert = await findClinicAlert(user, alertId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.alert.updateMany({
      where: { id: alert.id, clinicId: user.clinicId, status: "OPEN" },
      data: { status: "ACKNOWLEDGED", acknowledgedAt: new Date(), acknowledgedById: user.id },
    });
    if (count === 0) throw new DomainError("ALREADY_HANDLED", "This alert was already acknowledged.");
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: alert.patientId,
      action: "alert.acknowledged",
      entityType: "Alert",
      entityId: alert.id,
    });
  });
}

/** Closes a WARNING with the clinician's note. URGENT alerts close only through a recorded clearance. */
export async function resolveWarning(user: ClinicianUser, alertId: string, note: string) {
  const alert = await findClinicAlert(user, alertId);
  if (alert.severity !== "WARNING")
    throw new DomainError(
      "NEEDS_CLEARANCE",
      "An urgent alert is resolved by recording a doctor's clearance.",
    );
  await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.alert.updateMany({
      where: { id: alert.id, clinicId: user.clinicId, status: { not: "RESOLVED" } },
      data: { status: "RESOLVED", resolvedAt: now, resolvedById: user.id, resolutionNote: note },
    });
    if (count === 0) throw new DomainError("ALREADY_HANDLED", "This alert was already resolved.");
    // Resolving implies it was seen: keep "who acknowledged, when" filled for the record.
    await tx.alert.updateMany({
      where: { id: alert.id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: user.id },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: alert.patientId,
      action: "alert.resolved",
      entityType: "Alert",
      entityId: alert.id,
    });
  });
}

const OUTCOME_NOTE: Record<RedFlagOutcome, string> = {
  CLEARED: "Doctor's clearance recorded",
  REFERRED: "Referred for urgent care",
  DISCHARGED: "Discharged",
};

const OUTCOME_ACTION: Record<RedFlagOutcome, AuditAction> = {
  CLEARED: "clearance.recorded",
  REFERRED: "red_flag.referred",
  DISCHARGED: "red_flag.discharged",
};

export type CloseRedFlagsInput = {
  patientId: string;
  /** The reports the clinician saw when they wrote the note: the close covers these and no others. */
  reportIds: string[];
  outcome: RedFlagOutcome;
  note: string;
};

/**
 * Closes the red-flag reports the clinician saw, with an honest outcome, in one transaction under the
 * patient's lock: a row for each report (who, when, outcome, note), their URGENT alerts resolved with that
 * outcome. A report is waiting until it is cleared or the patient discharged; a referral resolves its alert
 * but the patient stays paused until a doctor clears them. The patient is active again (and their plan
 * resumed) only when a clearance leaves no report waiting, and discharged only when a discharge does: a
 * newer report the clinician had not seen keeps the patient paused and its alert open.
 */
export async function closeRedFlags(user: ClinicianUser, input: CloseRedFlagsInput) {
  const patientId = z.uuid().safeParse(input.patientId);
  if (!patientId.success) notFound();
  return safetyTransaction(async (tx) => {
    const [patient] = await tx.$queryRaw<{ id: string; status: string }[]>`
      select id, status from patient where id = ${patientId.data}::uuid and clinic_id = ${user.clinicId}::uuid for update`;
    if (!patient) notFound();
    const waiting = await tx.redFlagReport.findMany({
      where: { patientId: patient.id, clearances: { none: { outcome: { in: ["CLEARED", "DISCHARGED"] } } } },
      orderBy: { createdAt: "asc" },
      select: { id: true, clearances: { select: { outcome: true } } },
    });
    const seen = new Set(input.reportIds);
    const closing = waiting.filter(
      (report) =>
        seen.has(report.id) && !report.clearances.some((closed) => closed.outcome === input.outcome),
    );
    if (closing.length === 0) {
      throw new DomainError(
        "ALREADY_HANDLED",
        "These red flags were already closed. Reload the page to see where they stand.",
      );
    }
    const unseen = waiting.filter((report) => !seen.has(report.id)).length;
    const now = new Date();
    await tx.clearance.createMany({
      data: closing.map((report) => ({
        patientId: patient.id,
        redFlagReportId: report.id,
        clinicianId: user.id,
        outcome: input.outcome,
        doctorClearanceConfirmed: input.outcome === "CLEARED",
        note: input.note,
        clearedAt: now,
      })),
    });
    const closingIds = closing.map((report) => report.id);
    const alerts = { redFlagReportId: { in: closingIds }, status: { not: "RESOLVED" as const } };
    await tx.alert.updateMany({
      where: { ...alerts, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: user.id },
    });
    const resolved = await tx.alert.updateMany({
      where: alerts,
      data: {
        status: "RESOLVED",
        resolvedAt: now,
        resolvedById: user.id,
        resolutionNote: `${OUTCOME_NOTE[input.outcome]}: ${input.note}`,
      },
    });
    const base = { clinicId: user.clinicId, actorId: user.id, patientId: patient.id };
    await audit(tx, {
      ...base,
      action: OUTCOME_ACTION[input.outcome],
      entityType: "RedFlagReport",
      metadata: { reports: closingIds, alertsResolved: resolved.count, newerReportsOpen: unseen },
    });
    let status = patient.status;
    if (unseen === 0 && patient.status === "PAUSED_RED_FLAG" && input.outcome === "CLEARED") {
      await tx.patient.update({ where: { id: patient.id }, data: { status: "ACTIVE" } });
      const resumed = await tx.plan.updateMany({
        where: { patientId: patient.id, status: "PAUSED" },
        data: { status: "ACTIVE", pausedAt: null },
      });
      if (resumed.count > 0) await audit(tx, { ...base, action: "plan.resumed", entityType: "Plan" });
      status = "ACTIVE";
    }
    if (unseen === 0 && input.outcome === "DISCHARGED" && patient.status !== "DISCHARGED") {
      await tx.patient.update({
        where: { id: patient.id },
        data: { status: "DISCHARGED", dischargedAt: new Date() },
      });
      await tx.plan.updateMany({
        where: { patientId: patient.id, status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } },
        data: { status: "COMPLETED" },
      });
      await audit(tx, { ...base, action: "patient.discharged", entityType: "Patient", entityId: patient.id });
      status = "DISCHARGED";
    }
    return { closed: closingIds.length, newerReportsOpen: unseen, patientStatus: status };
  });
}
