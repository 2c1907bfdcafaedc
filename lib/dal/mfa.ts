import "server-only";
import { forbidden } from "next/navigation";
import QRCode from "qrcode";
import { db, type Tx } from "@/lib/db";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { open as openSealed, seal } from "@/lib/auth/secret-box";
import { generateTotpSecret, matchTotp, otpauthUri } from "@/lib/auth/totp";
import { DomainError } from "@/lib/domain/errors";
import { audit } from "./audit";
import { enforce, LIMITS } from "./rate-limit";
import type { AdminUser, SessionUser } from "./session";

// Two-step sign-in for staff: a TOTP authenticator app, with one-time recovery codes for a lost phone.
// The authenticator secret is stored sealed (lib/auth/secret-box.ts); recovery codes only as hashes.

const ISSUER = "Backcare";
const WRONG_CODE =
  "That code did not work. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes.";

type Staff = SessionUser & { role: "CLINICIAN" | "ADMIN" };

function assertStaff(user: SessionUser): asserts user is Staff {
  // Patients sign in with a password only; the pages for this are not theirs.
  if (user.role === "PATIENT") forbidden();
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/**
 * The secret to scan for a user setting up MFA: the one already pending, or a new one. It is not in force
 * until confirmed with a code, so opening the page twice or abandoning it changes nothing that matters.
 */
export async function pendingEnrolment(user: SessionUser): Promise<Enrolment | null> {
  assertStaff(user);
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpEnabledAt: true, totpPendingSecret: true },
  });
  if (row.totpEnabledAt) return null;
  let secret = row.totpPendingSecret ? openSealed(row.totpPendingSecret) : null;
  if (!secret) {
    secret = generateTotpSecret();
    await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: seal(secret) } });
  }
  const uri = otpauthUri(ISSUER, user.email, secret);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/**
 * Turns MFA on once the user proves their app makes the right codes. Returns the recovery codes, shown
 * once and never again. This browser counts as verified.
 */
export async function confirmEnrolment(user: SessionUser, code: string, now = new Date()): Promise<string[]> {
  assertStaff(user);
  await enforce(`mfa:${user.id}`, LIMITS.mfaPerUser, "code attempts", now);
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpEnabledAt: true, totpPendingSecret: true },
  });
  if (row.totpEnabledAt) throw new DomainError("MFA_ALREADY_ON", "Two-step sign-in is already on.");
  if (!row.totpPendingSecret) {
    throw new DomainError("MFA_NOT_STARTED", "Open the set-up page again to get a new QR code.");
  }
  const step = matchTotp(openSealed(row.totpPendingSecret), code, now, null);
  if (step === null) {
    throw new DomainError(
      "MFA_WRONG_CODE",
      "That code did not match. Scan the QR code again if needed, then enter the 6-digit code your app shows now.",
    );
  }
  return db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpPendingSecret: row.totpPendingSecret },
      data: {
        totpSecret: row.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
      },
    });
    if (enabled.count !== 1) throw new DomainError("MFA_ALREADY_ON", "Two-step sign-in is already on.");
    const codes = await replaceRecoveryCodes(tx, user.id);
    if (user.sessionId) {
      await tx.authSession.update({ where: { id: user.sessionId }, data: { mfaVerifiedAt: now } });
    }
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.mfa_enrolled",
      entityType: "User",
      entityId: user.id,
    });
    return codes;
  });
}

/**
 * Checks a code from the authenticator app (each used once) or an unused recovery code (spent here).
 * Returns how it was checked; refuses with one message for every wrong code.
 */
async function spendSecondFactor(
  tx: Tx,
  userId: string,
  code: string,
  now: Date,
): Promise<"authenticator" | "recovery code" | null> {
  const typed = code.trim();
  if (/^\d{6}$/.test(typed)) {
    const row = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { totpSecret: true, totpLastStep: true },
    });
    if (!row.totpSecret) return null;
    const step = matchTotp(openSealed(row.totpSecret), typed, now, row.totpLastStep);
    if (step === null) return null;
    // Guarded by the last step, so two requests racing with one code cannot both succeed.
    const used = await tx.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return used.count === 1 ? "authenticator" : null;
  }
  const spent = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(typed), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1 ? "recovery code" : null;
}

/** The second step of signing in: marks this browser as verified when the code is right. */
export async function verifySecondFactor(user: SessionUser, code: string, now = new Date()): Promise<void> {
  assertStaff(user);
  if (user.mfa !== "code-needed" || !user.sessionId) {
    throw new DomainError("MFA_NOT_NEEDED", "This browser does not need a code now.");
  }
  await enforce(`mfa:${user.id}`, LIMITS.mfaPerUser, "code attempts", now);
  const sessionId = user.sessionId;
  const method = await db.$transaction(async (tx) => {
    const how = await spendSecondFactor(tx, user.id, code, now);
    if (how) await tx.authSession.update({ where: { id: sessionId }, data: { mfaVerifiedAt: now } });
    const left =
      how === "recovery code"
        ? await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } })
        : null;
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: how ? "auth.mfa_verified" : "auth.mfa_failed",
      entityType: "User",
      entityId: user.id,
      ...(how
        ? { metadata: left === null ? { method: how } : { method: how, recoveryCodesLeft: left } }
        : {}),
    });
    return how;
  });
  if (!method) throw new DomainError("MFA_WRONG_CODE", WRONG_CODE);
}

/** New recovery codes, replacing every old one; needs a current code, so a borrowed session cannot. */
export async function regenerateRecoveryCodes(
  user: SessionUser,
  code: string,
  now = new Date(),
): Promise<string[]> {
  assertStaff(user);
  await enforce(`mfa:${user.id}`, LIMITS.mfaPerUser, "code attempts", now);
  const codes = await db.$transaction(async (tx) => {
    if (!(await spendSecondFactor(tx, user.id, code, now))) return null;
    const fresh = await replaceRecoveryCodes(tx, user.id);
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.mfa_recovery_codes_replaced",
      entityType: "User",
      entityId: user.id,
    });
    return fresh;
  });
  if (!codes) throw new DomainError("MFA_WRONG_CODE", WRONG_CODE);
  return codes;
}

/** Turns MFA off with a current code, unless the clinic requires it. */
export async function disableMfa(user: SessionUser, code: string, now = new Date()): Promise<void> {
  assertStaff(user);
  const clinic = await db.clinic.findUniqueOrThrow({
    where: { id: user.clinicId },
    select: { mfaRequired: true },
  });
  if (clinic.mfaRequired) {
    throw new DomainError(
      "MFA_REQUIRED",
      "Your clinic requires two-step sign-in, so it cannot be turned off.",
    );
  }
  await enforce(`mfa:${user.id}`, LIMITS.mfaPerUser, "code attempts", now);
  const done = await db.$transaction(async (tx) => {
    if (!(await spendSecondFactor(tx, user.id, code, now))) return false;
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.mfa_disabled",
      entityType: "User",
      entityId: user.id,
    });
    return true;
  });
  if (!done) throw new DomainError("MFA_WRONG_CODE", WRONG_CODE);
}

export type MfaStatus = { enabled: boolean; recoveryCodesLeft: number; clinicRequires: boolean };

export async function mfaStatus(user: SessionUser): Promise<MfaStatus> {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      totpEnabledAt: true,
      clinic: { select: { mfaRequired: true } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return {
    enabled: row.totpEnabledAt !== null,
    recoveryCodesLeft: row._count.recoveryCodes,
    clinicRequires: row.clinic.mfaRequired,
  };
}

/** The clinic admin's switch: when on, every clinician and admin of the clinic must enrol before going on. */
export async function setClinicMfaRequired(admin: AdminUser, required: boolean): Promise<void> {
  // The rule binds the admin too: requiring it before they have it would send them straight to set-up.
  const own = await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { totpEnabledAt: true } });
  if (required && !own.totpEnabledAt) {
    throw new DomainError(
      "MFA_ADMIN_FIRST",
      "Set up two-step sign-in for your own account first (Account, then Two-step sign-in); then require it for everyone.",
    );
  }
  await db.$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: admin.clinicId }, data: { mfaRequired: required } });
    await audit(tx, {
      clinicId: admin.clinicId,
      actorId: admin.id,
      action: required ? "clinic.mfa_required" : "clinic.mfa_optional",
      entityType: "Clinic",
      entityId: admin.clinicId,
    });
  });
}
