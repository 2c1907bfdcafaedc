import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import type { AuditAction } from "@/lib/domain/audit-actions";

export type AuditEntry = {
  clinicId: string | null;
  actorId: string | null;
  patientId?: string | null;
  /** One of the actions the admin's audit page has words for (lib/domain/audit-actions.ts). */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  metadata?: Prisma.InputJsonValue;
};

/** Writes an AuditEvent inside the caller's transaction, so the record of a change commits with the change. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      clinicId: entry.clinicId,
      actorId: entry.actorId,
      patientId: entry.patientId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      ...(entry.metadata === undefined ? {} : { metadata: entry.metadata }),
    },
  });
}

/** Writes several AuditEvents in one statement inside the caller's transaction (a bulk change, a row each). */
export async function auditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({
      clinicId: entry.clinicId,
      actorId: entry.actorId,
      patientId: entry.patientId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      ...(entry.metadata === undefined ? {} : { metadata: entry.metadata }),
    })),
  });
}

/**
 * Records that a user asked for a record they may not see. The caller still answers 404, exactly as for a
 * record that does not exist; only the audit trail tells the two apart.
 */
export async function recordRefusal(
  user: { id: string; clinicId: string },
  entityType: string,
  entityId: string,
): Promise<void> {
  await db.auditEvent.create({
    data: {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "authorization.refused",
      entityType,
      entityId,
    },
  });
}
