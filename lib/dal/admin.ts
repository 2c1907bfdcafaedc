import "server-only";
import { db } from "@/lib/db";
import { describeAuditAction, describeRecord } from "@/lib/domain/audit-actions";
import type { AuditFilters } from "@/lib/validation/audit";
import { audit } from "./audit";
import type { AdminUser } from "./session";

// What the clinic admin sees: the clinic's staff and rules, and its audit trail. Never another clinic's.

export async function clinicOverview(admin: AdminUser) {
  const clinic = await db.clinic.findUniqueOrThrow({
    where: { id: admin.clinicId },
    select: {
      name: true,
      mfaRequired: true,
      emergencyNumber: true,
      users: {
        where: { role: { in: ["CLINICIAN", "ADMIN"] } },
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          totpEnabledAt: true,
          disabledAt: true,
          lastLoginAt: true,
        },
      },
    },
  });
  return clinic;
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the clinic's audit trail, newest first, with what the filter menus offer. */
export async function clinicAuditLog(admin: AdminUser, filters: AuditFilters) {
  const where = {
    clinicId: admin.clinicId,
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: filters.from } : {}),
            ...(filters.to ? { lt: filters.to } : {}),
          },
        }
      : {}),
  };
  const [total, events, actors, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        // Read here, never returned: describeAuditAction takes only its whitelisted, non-clinical fields.
        metadata: true,
        actor: { select: { name: true, role: true } },
        patient: { select: { user: { select: { name: true } } } },
      },
    }),
    db.user.findMany({
      where: { clinicId: admin.clinicId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
    db.auditEvent.groupBy({
      by: ["action"],
      where: { clinicId: admin.clinicId },
      orderBy: { action: "asc" },
    }),
  ]);
  const names = new Map(actors.map((person) => [person.id, person.name]));
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    // Admins have no clinical role: each row is words, never the row's metadata (symptoms, pain, notes).
    events: events.map((event) => ({
      id: event.id.toString(),
      createdAt: event.createdAt,
      action: event.action,
      what: describeAuditAction(event.action, event.metadata),
      record: describeRecord(
        event.entityType,
        event.entityId,
        event.entityType === "User" && event.entityId
          ? names.get(event.entityId)
          : event.entityType === "Patient"
            ? event.patient?.user.name
            : null,
      ),
      patient: event.patient?.user.name ?? null,
      actor: event.actor,
    })),
    actors,
    actions: actions.map((row) => ({ action: row.action, words: describeAuditAction(row.action) })),
  };
}

/** Sets the number a patient paused by a red flag is told to call (a constraint in the database checks its form). */
export async function setEmergencyNumber(admin: AdminUser, emergencyNumber: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: admin.clinicId }, data: { emergencyNumber } });
    await audit(tx, {
      clinicId: admin.clinicId,
      actorId: admin.id,
      action: "clinic.emergency_number",
      entityType: "Clinic",
      entityId: admin.clinicId,
      metadata: { emergencyNumber },
    });
  });
}
