import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { notFound } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/domain/errors";
import { audit } from "./audit";
import type { ClinicianUser } from "./session";

export const INVITATION_DAYS = 7;
// Never a valid scrypt hash, so an invited account cannot be signed in to until the invitation is accepted.
const NO_PASSWORD = "!invited";

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

async function issue(tx: Tx, user: ClinicianUser, patientId: string, now: Date) {
  const token = randomBytes(32).toString("base64url");
  await tx.invitation.updateMany({
    where: { patientId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  await tx.invitation.create({
    data: {
      patientId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      createdById: user.id,
    },
  });
  await audit(tx, {
    clinicId: user.clinicId,
    actorId: user.id,
    patientId,
    action: "invitation.issued",
    entityType: "Patient",
    entityId: patientId,
  });
  return token;
}

/** Creates the patient's account, assigned to the inviting clinician, and a one-time link to set a password. */
export async function invitePatient(
  user: ClinicianUser,
  input: { name: string; email: string },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new DomainError("EMAIL_TAKEN", "An account with this email already exists.");
    }
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
    return { patientId: patient.id, token: await issue(tx, user, patient.id, now) };
  });
}

/** A fresh one-time link to set the patient's password (first time, or a reset); earlier links stop working. */
export async function reissueInvitation(user: ClinicianUser, patientId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { id: patientId, clinicId: user.clinicId },
      select: { id: true, user: { select: { passwordHash: true } } },
    });
    if (!patient) notFound();
    // For a patient who has a password already, the same one-time link resets it.
    return issue(tx, user, patient.id, now);
  });
}

export type InvitationState =
  { state: "valid"; name: string; email: string; reset: boolean } | { state: "expired" | "used" | "unknown" };

/** What an invitation link shows, without revealing anything for a token that is not one. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationState> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      patient: { select: { user: { select: { name: true, email: true, passwordHash: true } } } },
    },
  });
  if (!invitation) return { state: "unknown" };
  if (invitation.usedAt) return { state: "used" };
  if (invitation.expiresAt <= now) return { state: "expired" };
  const { name, email, passwordHash } = invitation.patient.user;
  return { state: "valid", name, email, reset: passwordHash !== NO_PASSWORD };
}

const REFUSALS = {
  unknown: "This invitation link is not valid. Ask your clinician for a new one.",
  used: "This invitation has already been used. Sign in with your email and password.",
  expired: "This invitation has expired. Ask your clinician for a new one.",
} as const;

export function invitationRefusal(state: keyof typeof REFUSALS): string {
  return REFUSALS[state];
}

/** Sets the patient's password and spends the invitation, once; returns the email to sign in with. */
export async function acceptInvitation(token: string, password: string, now = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    const [invitation] = await tx.$queryRaw<
      { id: string; patient_id: string; used_at: Date | null; expires_at: Date }[]
    >`
      select id, patient_id, used_at, expires_at from invitation where token_hash = ${hashToken(token)} for update`;
    if (!invitation) throw new DomainError("INVITATION", REFUSALS.unknown);
    if (invitation.used_at) throw new DomainError("INVITATION", REFUSALS.used);
    if (invitation.expires_at <= now) throw new DomainError("INVITATION", REFUSALS.expired);
    const patient = await tx.patient.findUniqueOrThrow({
      where: { id: invitation.patient_id },
      select: { id: true, clinicId: true, user: { select: { id: true, email: true } } },
    });
    const problem = passwordProblem(password, { email: patient.user.email });
    if (problem) throw new DomainError("WEAK_PASSWORD", problem);
    // A reset signs the patient out everywhere: whoever knew the old password keeps no session.
    await tx.user.update({
      where: { id: patient.user.id },
      data: {
        passwordHash: await hashPassword(password),
        sessionVersion: { increment: 1 },
        failedLoginCount: 0,
        lockedUntil: null,
      },
    });
    await tx.authSession.updateMany({
      where: { userId: patient.user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedAt: now } });
    await audit(tx, {
      clinicId: patient.clinicId,
      actorId: patient.user.id,
      patientId: patient.id,
      action: "invitation.accepted",
      entityType: "Patient",
      entityId: patient.id,
    });
    return patient.user.email;
  });
}
