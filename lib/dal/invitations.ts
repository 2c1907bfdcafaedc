import "server-only";
import { notFound } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { hashOneTimeToken, newOneTimeToken } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/domain/errors";
import { audit } from "./audit";
import type { ClinicianUser, Role } from "./session";

/** Whoever makes an invitation: a clinician inviting a patient, or an admin inviting staff. */
export type Inviter = { id: string; clinicId: string };

export const INVITATION_DAYS = 7;
// Never a valid scrypt hash, so an invited account cannot be signed in to until the invitation is accepted.
export const NO_PASSWORD = "!invited";

const invitationExpiry = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * 86_400_000);

/** How a reset link reaches the patient: e-mailed to them, or shown to the clinician to hand on. Audited. */
export type Delivery = "email" | "screen";

/** A new one-time link for the account (`patientId` too for a patient's); its earlier links stop working. */
export async function issue(
  tx: Tx,
  user: Inviter,
  account: { userId: string; patientId: string | null },
  now: Date,
  metadata: { reset: boolean; delivery?: Delivery },
) {
  const { token, tokenHash } = newOneTimeToken();
  await tx.invitation.updateMany({
    where: { userId: account.userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  await tx.invitation.create({
    data: {
      userId: account.userId,
      patientId: account.patientId,
      tokenHash,
      expiresAt: invitationExpiry(now),
      createdById: user.id,
    },
  });
  await audit(tx, {
    clinicId: user.clinicId,
    actorId: user.id,
    patientId: account.patientId,
    action: "invitation.issued",
    entityType: account.patientId ? "Patient" : "User",
    entityId: account.patientId ?? account.userId,
    metadata,
  });
  return token;
}

export type InviteOutcome =
  | { kind: "invited"; patientId: string; token: string }
  /** The address has an account in another clinic: a link that only says to contact the clinic. */
  | { kind: "conflict"; token: string; clinicName: string };

/**
 * Creates the patient's account, assigned to the inviting clinician, and a one-time link to set a password.
 * An address already used in this clinic is refused plainly. An address with an account in another clinic
 * must not be told apart from a new one (a clinician could otherwise probe for other clinics' patients), so
 * it gets a link of the same kind that leads nowhere, and the other clinic's rows are neither read further
 * nor written; the caller answers the clinician the same way for both outcomes.
 */
export async function invitePatient(
  user: ClinicianUser,
  input: { name: string; email: string },
  now = new Date(),
): Promise<InviteOutcome> {
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { clinicId: true, role: true },
    });
    if (existing?.clinicId === user.clinicId) {
      throw new DomainError(
        "EMAIL_TAKEN",
        existing.role === "PATIENT"
          ? "This patient is already on your clinic's list."
          : "This email belongs to a member of your clinic's staff.",
      );
    }
    if (existing) return recordConflict(tx, user, now);
    const account = await tx.user.create({
      data: {
        clinicId: user.clinicId,
        email: input.email,
        name: input.name,
        role: "PATIENT",
        passwordHash: NO_PASSWORD,
      },
      select: { id: true },
    });
    const patient = await tx.patient.create({
      data: { userId: account.id, clinicId: user.clinicId, clinicianId: user.id },
      select: { id: true },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: patient.id,
      action: "patient.created",
      entityType: "Patient",
      entityId: patient.id,
    });
    const token = await issue(tx, user, { userId: account.id, patientId: patient.id }, now, { reset: false });
    return { kind: "invited", patientId: patient.id, token };
  });
}

/** The stand-in for an invitation to an address that has an account elsewhere; audited outside the clinic. */
export async function recordConflict(
  tx: Tx,
  user: Inviter,
  now: Date,
): Promise<{ kind: "conflict"; token: string; clinicName: string }> {
  const { token, tokenHash } = newOneTimeToken();
  const conflict = await tx.invitationConflict.create({
    data: { clinicId: user.clinicId, tokenHash, expiresAt: invitationExpiry(now), createdById: user.id },
    select: { id: true, clinic: { select: { name: true } } },
  });
  // No clinic on the row: the inviting clinic's admin reads its audit trail, and this row would tell them.
  await audit(tx, {
    clinicId: null,
    actorId: user.id,
    action: "invitation.email_in_use",
    entityType: "InvitationConflict",
    entityId: conflict.id,
  });
  return { kind: "conflict", token, clinicName: conflict.clinic.name };
}

/**
 * A fresh one-time link to set the patient's password (first time, or a reset); earlier links stop working.
 * Returns whom to send it to; `reset` when the patient has a password already (the same link resets it).
 */
export async function reissueInvitation(
  user: ClinicianUser,
  patientId: string,
  delivery: Delivery,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { id: patientId, clinicId: user.clinicId },
      select: { id: true, userId: true, user: { select: { name: true, email: true, passwordHash: true } } },
    });
    if (!patient) notFound();
    const { name, email, passwordHash } = patient.user;
    const reset = passwordHash !== NO_PASSWORD;
    const account = { userId: patient.userId, patientId: patient.id };
    return { token: await issue(tx, user, account, now, { reset, delivery }), name, email, reset };
  });
}

export type InvitationState =
  | { state: "valid"; name: string; email: string; reset: boolean; role: Role }
  | { state: "expired" | "used" | "unknown" | "conflict" };

/** What an invitation link shows, without revealing anything for a token that is not one. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationState> {
  const tokenHash = hashOneTimeToken(token);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: {
      usedAt: true,
      expiresAt: true,
      user: { select: { name: true, email: true, passwordHash: true, role: true, disabledAt: true } },
    },
  });
  if (!invitation) return findConflict(tokenHash, now);
  // A deactivated account's links were spent when it was deactivated; this only guards older rows.
  if (invitation.user.disabledAt) return { state: "unknown" };
  if (invitation.usedAt) return { state: "used" };
  if (invitation.expiresAt <= now) return { state: "expired" };
  const { name, email, passwordHash, role } = invitation.user;
  return { state: "valid", name, email, reset: passwordHash !== NO_PASSWORD, role };
}

async function findConflict(tokenHash: string, now: Date): Promise<InvitationState> {
  const conflict = await db.invitationConflict.findUnique({
    where: { tokenHash },
    select: { expiresAt: true },
  });
  if (!conflict) return { state: "unknown" };
  return { state: conflict.expiresAt <= now ? "expired" : "conflict" };
}

const REFUSALS = {
  unknown: "This invitation link is not valid. Ask your clinician for a new one.",
  conflict:
    "This invitation cannot be used to make an account. Please contact the clinic that sent it. If you already use Backcare, sign in as usual.",
  used: "This invitation has already been used. Sign in with your email and password.",
  expired: "This invitation has expired. Ask your clinician for a new one.",
} as const;

export function invitationRefusal(state: keyof typeof REFUSALS): string {
  return REFUSALS[state];
}

/**
 * Sets the account's password (a patient's, a clinician's or an admin's) and spends the invitation, once;
 * returns the email to sign in with and the role, whose home the person lands on.
 */
export async function acceptInvitation(
  token: string,
  password: string,
  now = new Date(),
): Promise<{ email: string; role: Role }> {
  return db.$transaction(async (tx) => {
    const [invitation] = await tx.$queryRaw<
      { id: string; user_id: string; used_at: Date | null; expires_at: Date }[]
    >`
      select id, user_id, used_at, expires_at from invitation where token_hash = ${hashOneTimeToken(token)} for update`;
    if (!invitation) throw new DomainError("INVITATION", REFUSALS.unknown);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: invitation.user_id },
      select: {
        id: true,
        clinicId: true,
        email: true,
        role: true,
        passwordHash: true,
        disabledAt: true,
        patient: { select: { id: true } },
      },
    });
    if (user.disabledAt) throw new DomainError("INVITATION", REFUSALS.unknown);
    if (invitation.used_at) throw new DomainError("INVITATION", REFUSALS.used);
    if (invitation.expires_at <= now) throw new DomainError("INVITATION", REFUSALS.expired);
    const problem = passwordProblem(password, { email: user.email });
    if (problem) throw new DomainError("WEAK_PASSWORD", problem);
    // A reset signs the person out everywhere: whoever knew the old password keeps no session.
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: await hashPassword(password),
        sessionVersion: { increment: 1 },
        failedLoginCount: 0,
        lockedUntil: null,
      },
    });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedAt: now } });
    const patientId = user.patient?.id ?? null;
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId,
      action: "invitation.accepted",
      entityType: patientId ? "Patient" : "User",
      entityId: patientId ?? user.id,
      metadata: { reset: user.passwordHash !== NO_PASSWORD },
    });
    return { email: user.email, role: user.role };
  });
}
