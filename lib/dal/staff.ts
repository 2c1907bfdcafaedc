import "server-only";
import { notFound } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { DEACTIVATION_REFUSALS, deactivationRefusal, type StaffRole } from "@/lib/domain/staff";
import { audit, auditMany } from "./audit";
import { sqlState } from "./database-errors";
import { NO_PASSWORD, issue, recordConflict } from "./invitations";
import type { AdminUser } from "./session";

// The clinic admin's staff: inviting clinicians and admins, deactivating and reactivating them, and handing
// a clinician's patients to another in one go. Every query is scoped by the admin's clinic; anyone else's
// staff, and any patient account, look like a missing record (404).

/** The staff page: every clinician and admin of the clinic, with how many patients each looks after. */
export async function clinicStaff(admin: AdminUser) {
  const clinic = await db.clinic.findUniqueOrThrow({
    where: { id: admin.clinicId },
    select: {
      mfaRequired: true,
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
          passwordHash: true,
          _count: { select: { assignedPatients: true } },
        },
      },
    },
  });
  return {
    mfaRequired: clinic.mfaRequired,
    staff: clinic.users.map(({ passwordHash, _count, ...person }) => ({
      ...person,
      invitationPending: passwordHash === NO_PASSWORD,
      patients: _count.assignedPatients,
    })),
  };
}

export type StaffInviteOutcome =
  | { kind: "invited"; userId: string; token: string }
  | { kind: "conflict"; token: string; clinicName: string };

/**
 * Makes a clinician's or an admin's account and a one-time link to set its password, like a patient's
 * invitation (lib/dal/invitations.ts): an address of this clinic is refused plainly, and one with an account
 * in another clinic gets a link of the same kind that leads nowhere, so that it cannot be told from a new one.
 */
export async function inviteStaff(
  admin: AdminUser,
  input: { name: string; email: string; role: StaffRole },
  now = new Date(),
): Promise<StaffInviteOutcome> {
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { clinicId: true, role: true },
    });
    if (existing?.clinicId === admin.clinicId) {
      throw new DomainError(
        "EMAIL_TAKEN",
        existing.role === "PATIENT"
          ? "This email belongs to a patient of your clinic."
          : "This email belongs to a member of your clinic's staff.",
      );
    }
    if (existing) return recordConflict(tx, admin, now);
    const account = await tx.user.create({
      data: {
        clinicId: admin.clinicId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: NO_PASSWORD,
      },
      select: { id: true },
    });
    await audit(tx, {
      clinicId: admin.clinicId,
      actorId: admin.id,
      action: "staff.invited",
      entityType: "User",
      entityId: account.id,
      metadata: { role: input.role },
    });
    const token = await issue(tx, admin, { userId: account.id, patientId: null }, now, { reset: false });
    return { kind: "invited", userId: account.id, token };
  });
}

/** The staff member's row, locked for the rest of the transaction; 404 for anyone else's or a patient. */
async function lockStaff(tx: Tx, admin: AdminUser, userId: string) {
  const [row] = await tx.$queryRaw<{ id: string; role: StaffRole; disabled_at: Date | null; name: string }[]>`
    select id, role::text as role, disabled_at, name from app_user
     where id = ${userId}::uuid and clinic_id = ${admin.clinicId}::uuid and role in ('CLINICIAN', 'ADMIN')
       for update`;
  if (!row) notFound();
  return row;
}

/**
 * Deactivates a clinician or an admin: they cannot sign in, and every session of theirs ends at once (each
 * auth_session revoked, the session version raised), as do their unused invitation links. Refused for the
 * admin themselves, the clinic's last active admin, and a clinician who still has patients.
 */
export async function deactivateStaff(admin: AdminUser, userId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    // The admins' rows are locked in one order, so two admins deactivating each other cannot both succeed.
    const admins = await tx.$queryRaw<{ id: string }[]>`
      select id from app_user
       where clinic_id = ${admin.clinicId}::uuid and role = 'ADMIN' and disabled_at is null
       order by id for update`;
    // The target's FOR UPDATE also waits for, and then sees, a patient being assigned to them (the trigger
    // of migration 20261130060000_staff takes FOR SHARE on the clinician).
    const target = await lockStaff(tx, admin, userId);
    const patients = await tx.patient.count({ where: { clinicianId: target.id, clinicId: admin.clinicId } });
    const refusal = deactivationRefusal({
      isSelf: target.id === admin.id,
      role: target.role,
      active: target.disabled_at === null,
      activeAdmins: admins.length,
      patients,
    });
    if (refusal) throw new DomainError(refusal, DEACTIVATION_REFUSALS[refusal]);
    await tx.user.update({
      where: { id: target.id },
      data: { disabledAt: now, sessionVersion: { increment: 1 } },
    });
    const { count: sessions } = await tx.authSession.updateMany({
      where: { userId: target.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.invitation.updateMany({
      where: { userId: target.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await audit(tx, {
      clinicId: admin.clinicId,
      actorId: admin.id,
      action: "staff.deactivated",
      entityType: "User",
      entityId: target.id,
      metadata: { role: target.role, sessionsRevoked: sessions },
    });
  });
}

/** Lets a deactivated clinician or admin sign in again (with their old password; they had no session left). */
export async function reactivateStaff(admin: AdminUser, userId: string) {
  await db.$transaction(async (tx) => {
    const target = await lockStaff(tx, admin, userId);
    if (target.disabled_at === null)
      throw new DomainError("ALREADY_ACTIVE", "This account is already active.");
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: null } });
    await audit(tx, {
      clinicId: admin.clinicId,
      actorId: admin.id,
      action: "staff.reactivated",
      entityType: "User",
      entityId: target.id,
      metadata: { role: target.role },
    });
  });
}

/**
 * Hands every patient of one clinician (active or deactivated) to another, active one of the same clinic, in
 * one transaction, with a "reassigned" audit row for each patient. Returns how many moved.
 */
export async function reassignAllPatients(admin: AdminUser, fromId: string, toId: string): Promise<number> {
  return db
    .$transaction(async (tx) => moveAll(tx, admin, fromId, toId))
    .catch((error: unknown) => {
      // The clinician taking over was deactivated while this ran: the database refused (BC030).
      if (sqlState(error)?.code === "BC030") throw new DomainError("UNKNOWN_CLINICIAN", NOT_ACTIVE);
      throw error;
    });
}

const NOT_ACTIVE = "Choose an active clinician of your clinic.";

async function moveAll(tx: Tx, admin: AdminUser, fromId: string, toId: string): Promise<number> {
  const clinicians = await tx.user.findMany({
    where: { id: { in: [fromId, toId] }, clinicId: admin.clinicId, role: "CLINICIAN" },
    select: { id: true, name: true, disabledAt: true },
  });
  const from = clinicians.find((person) => person.id === fromId);
  const to = clinicians.find((person) => person.id === toId);
  if (!from) notFound();
  if (!to || to.disabledAt) throw new DomainError("UNKNOWN_CLINICIAN", NOT_ACTIVE);
  if (from.id === to.id)
    throw new DomainError("SAME_CLINICIAN", "Choose a different clinician to take over these patients.");
  const patients = await tx.$queryRaw<{ id: string }[]>`
      select id from patient where clinician_id = ${from.id}::uuid and clinic_id = ${admin.clinicId}::uuid
       order by id for update`;
  if (patients.length === 0)
    throw new DomainError("NO_PATIENTS", `${from.name} has no patients to reassign.`);
  const ids = patients.map((patient) => patient.id);
  await tx.patient.updateMany({ where: { id: { in: ids } }, data: { clinicianId: to.id } });
  await auditMany(
    tx,
    ids.map((patientId) => ({
      clinicId: admin.clinicId,
      actorId: admin.id,
      patientId,
      action: "patient.reassigned",
      entityType: "Patient",
      entityId: patientId,
      metadata: { from: from.id, to: to.id, bulk: true },
    })),
  );
  await audit(tx, {
    clinicId: admin.clinicId,
    actorId: admin.id,
    action: "staff.patients_reassigned",
    entityType: "User",
    entityId: from.id,
    metadata: { to: to.id, patients: ids.length },
  });
  return ids.length;
}
