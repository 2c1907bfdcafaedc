import "server-only";
import { db } from "@/lib/db";
import { describeAuditAction, describeRecord } from "@/lib/domain/audit-actions";
import type { AuditFilters } from "@/lib/validation/audit";
import type { ClinicSettings } from "@/lib/validation/clinic-settings";
import { audit } from "./audit";
import { sqlState } from "./database-errors";
import { DomainError } from "@/lib/domain/errors";
import { endOfLocalDay, startOfLocalDay, timeZoneOf } from "@/lib/time";
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
          // Whole days where the admin is: from the start of `from` to the end of `to`.
          createdAt: {
            ...(filters.from ? { gte: startOfLocalDay(filters.from, timeZoneOf(admin)) } : {}),
            ...(filters.to ? { lt: endOfLocalDay(filters.to, timeZoneOf(admin)) } : {}),
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

/** What the clinic settings form shows. */
export async function clinicSettings(admin: AdminUser): Promise<ClinicSettings> {
  return db.clinic.findUniqueOrThrow({
    where: { id: admin.clinicId },
    select: { name: true, address: true, phone: true, emergencyNumber: true, timeZone: true },
  });
}

/**
 * Saves the clinic's settings, audited with the names of the fields that changed (no values but the
 * emergency number, which gets a row of its own: it is what a patient paused by a red flag is told to call).
 * Constraints in the database check the emergency number's form and the time zone too.
 */
export async function saveClinicSettings(admin: AdminUser, settings: ClinicSettings): Promise<string[]> {
  return writeSettings(admin, settings).catch((error: unknown) => {
    // The database's own list of zones can lag the runtime's: say so at the field rather than fail.
    if (sqlState(error)?.message?.includes("clinic_time_zone_known"))
      throw new DomainError(
        "UNKNOWN_TIME_ZONE",
        "The database does not know this time zone. Choose another.",
      );
    throw error;
  });
}

async function writeSettings(admin: AdminUser, settings: ClinicSettings): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<ClinicSettings[]>`
      select name, address, phone, emergency_number as "emergencyNumber", time_zone as "timeZone"
        from clinic where id = ${admin.clinicId}::uuid for update`;
    const changed = (Object.keys(settings) as (keyof ClinicSettings)[]).filter(
      (field) => settings[field] !== before![field],
    );
    if (changed.length === 0) return changed;
    await tx.clinic.update({ where: { id: admin.clinicId }, data: settings });
    const entry = {
      clinicId: admin.clinicId,
      actorId: admin.id,
      entityType: "Clinic",
      entityId: admin.clinicId,
    };
    if (changed.includes("emergencyNumber")) {
      await audit(tx, {
        ...entry,
        action: "clinic.emergency_number",
        metadata: { emergencyNumber: settings.emergencyNumber },
      });
    }
    const others = changed.filter((field) => field !== "emergencyNumber");
    if (others.length)
      await audit(tx, { ...entry, action: "clinic.settings_changed", metadata: { changed: others } });
    return changed;
  });
}
