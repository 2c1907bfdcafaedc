import "server-only";
import { db } from "@/lib/db";
import { hashForUnknownUser, hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/domain/errors";
import { lockDurationMs } from "@/lib/domain/login-throttle";
import { audit } from "./audit";
import { LIMITS, consume } from "./rate-limit";

export type AuthenticatedUser = {
  id: string;
  role: "CLINICIAN" | "PATIENT" | "ADMIN";
  clinicId: string;
  sessionVersion: number;
};

/** The client's address for an audit event's metadata, when it is known. */
const from = (address: string | undefined) => (address ? { address } : {});

/**
 * One more wrong password for an account, whether typed at sign-in or as the current password when changing
 * it: both count towards the same lock (lib/domain/login-throttle.ts) and are audited.
 */
async function recordWrongPassword(
  user: { id: string; clinicId: string },
  action: "auth.sign_in_failed" | "auth.password_change_failed",
  now: Date,
  address?: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { failedLoginCount } = await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 }, lastFailedLoginAt: now },
      select: { failedLoginCount: true },
    });
    const lockMs = lockDurationMs(failedLoginCount);
    if (lockMs > 0) {
      await tx.user.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(now.getTime() + lockMs) },
      });
    }
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action,
      entityType: "User",
      entityId: user.id,
      metadata: { failedLoginCount, lockedForSeconds: lockMs / 1000, ...from(address) },
    });
  });
}

/**
 * Checks an email and password. Every refusal looks the same to the caller (null) and costs one password
 * verification, so an unknown email, a wrong password, a locked and a disabled account cannot be told apart.
 * `address` is the client's (lib/client-address.ts), kept in the audit trail.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  now = new Date(),
  address?: string,
): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true,
      role: true,
      clinicId: true,
      sessionVersion: true,
      passwordHash: true,
      disabledAt: true,
      lockedUntil: true,
    },
  });
  if (!user) {
    await verifyPassword(password, await hashForUnknownUser());
    return null;
  }
  const passwordMatches = await verifyPassword(password, user.passwordHash);
  const locked = user.lockedUntil !== null && user.lockedUntil > now;

  if (locked || user.disabledAt !== null) {
    await db.$transaction((tx) =>
      audit(tx, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: "auth.sign_in_refused",
        entityType: "User",
        entityId: user.id,
        metadata: { reason: locked ? "locked" : "disabled", ...from(address) },
      }),
    );
    return null;
  }

  if (!passwordMatches) {
    await recordWrongPassword(user, "auth.sign_in_failed", now, address);
    return null;
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.sign_in",
      entityType: "User",
      entityId: user.id,
      ...(address ? { metadata: { address } } : {}),
    });
  });
  return { id: user.id, role: user.role, clinicId: user.clinicId, sessionVersion: user.sessionVersion };
}

export const PASSWORD_CHANGE_LOCKED =
  "Too many wrong passwords: your account is locked for a while. Please try again in a few minutes.";

/**
 * Changes a signed-in user's password after checking the current one. The check is a sign-in in all but
 * name, so it has the same limits: it counts against the account's sign-in rate limit and its lock, and
 * every wrong or refused attempt is audited. Every other browser of theirs is signed out; this one stays.
 */
export async function changePassword(
  user: { id: string; clinicId: string; sessionId: string | null },
  input: { current: string; next: string },
  now = new Date(),
): Promise<void> {
  const account = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, passwordHash: true, lockedUntil: true },
  });
  const withinLimit = await consume(`sign-in:account:${account.email}`, LIMITS.signInPerAccount, now);
  const locked = account.lockedUntil !== null && account.lockedUntil > now;
  // Verified even when refused, so that a locked account answers in the same time.
  const matches = await verifyPassword(input.current, account.passwordHash);
  if (locked || !withinLimit) {
    await db.$transaction((tx) =>
      audit(tx, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: "auth.password_change_refused",
        entityType: "User",
        entityId: user.id,
        metadata: { reason: locked ? "locked" : "rate_limited" },
      }),
    );
    throw new DomainError("LOCKED", PASSWORD_CHANGE_LOCKED);
  }
  if (!matches) {
    await recordWrongPassword(user, "auth.password_change_failed", now);
    throw new DomainError("WRONG_PASSWORD", "Your current password is not right.");
  }
  const problem = passwordProblem(input.next, { email: account.email });
  if (problem) throw new DomainError("WEAK_PASSWORD", problem);
  const passwordHash = await hashPassword(input.next);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, failedLoginCount: 0, lockedUntil: null },
    });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, ...(user.sessionId ? { id: { not: user.sessionId } } : {}) },
      data: { revokedAt: now },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.password_changed",
      entityType: "User",
      entityId: user.id,
    });
  });
}
