import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { isOverdue } from "@/lib/domain/alerts";
import { audit } from "./audit";
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

/**
 * Records that a doctor cleared the patient after their red flags: a Clearance for the latest report, every
 * open URGENT alert resolved, the patient active again and their paused plan resumed, in one transaction.
 */
export async function recordClearance(user: ClinicianUser, patientId: string, note: string) {
  const id = z.uuid().safeParse(patientId);
  if (!id.success) notFound();
  await db.$transaction(async (tx) => {
    const [patient] = await tx.$queryRaw<{ id: string; status: string }[]>`
      select id, status from patient where id = ${id.data}::uuid and clinic_id = ${user.clinicId}::uuid for update`;
    if (!patient) notFound();
    if (patient.status !== "PAUSED_RED_FLAG") {
      throw new DomainError(
        "NOT_PAUSED",
        "This patient is not paused by a red flag, so there is nothing to clear.",
      );
    }
    const report = await tx.redFlagReport.findFirst({
      where: { patientId: patient.id, clearance: null },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!report) throw new DomainError("NOT_PAUSED", "There is no red flag waiting for clearance.");
    const now = new Date();
    const clearance = await tx.clearance.create({
      data: {
        patientId: patient.id,
        redFlagReportId: report.id,
        clinicianId: user.id,
        doctorClearanceConfirmed: true,
        note,
        clearedAt: now,
      },
      select: { id: true },
    });
    await tx.alert.updateMany({
      where: { patientId: patient.id, severity: "URGENT", status: { not: "RESOLVED" }, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: user.id },
    });
    const resolved = await tx.alert.updateMany({
      where: { patientId: patient.id, severity: "URGENT", status: { not: "RESOLVED" } },
      data: {
        status: "RESOLVED",
        resolvedAt: now,
        resolvedById: user.id,
        resolutionNote: `Doctor's clearance recorded: ${note}`,
      },
    });
    await tx.patient.update({ where: { id: patient.id }, data: { status: "ACTIVE" } });
    const resumed = await tx.plan.updateMany({
      where: { patientId: patient.id, status: "PAUSED" },
      data: { status: "ACTIVE", pausedAt: null },
    });
    const base = { clinicId: user.clinicId, actorId: user.id, patientId: patient.id };
    await audit(tx, {
      ...base,
      action: "clearance.recorded",
      entityType: "Clearance",
      entityId: clearance.id,
      metadata: { alertsResolved: resolved.count },
    });
    if (resumed.count > 0) await audit(tx, { ...base, action: "plan.resumed", entityType: "Plan" });
  });
}
