import "server-only";
import { db } from "@/lib/db";
import { hashForUnknownUser, hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/domain/errors";
import { lockDurationMs } from "@/lib/domain/login-throttle";
import { audit } from "./audit";

export type AuthenticatedUser = {
  id: string;
  role: "CLINICIAN" | "PATIENT" | "ADMIN";
  clinicId: string;
  sessionVersion: number;
};

/**
 * Checks an email and password. Every refusal looks the same to the caller (null) and costs one password
 * verification, so an unknown email, a wrong password, a locked and a disabled account cannot be told apart.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  now = new Date(),
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
        metadata: { reason: locked ? "locked" : "disabled" },
      }),
    );
    return null;
  }

  if (!passwordMatches) {
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
        action: "auth.sign_in_failed",
        entityType: "User",
        entityId: user.id,
        metadata: { failedLoginCount, lockedForSeconds: lockMs / 1000 },
      });
    });
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
    });
  });
  return { id: user.id, role: user.role, clinicId: user.clinicId, sessionVersion: user.sessionVersion };
}

/**
 * Changes a signed-in user's password after checking the current one. Every other browser of theirs is
 * signed out; this one stays signed in.
 */
export async function changePassword(
  user: { id: string; clinicId: string; sessionId: string | null },
  input: { current: string; next: string },
): Promise<void> {
  const account = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, passwordHash: true },
  });
  if (!(await verifyPassword(input.current, account.passwordHash))) {
    throw new DomainError("WRONG_PASSWORD", "Your current password is not right.");
  }
  const problem = passwordProblem(input.next, { email: account.email });
  if (problem) throw new DomainError("WEAK_PASSWORD", problem);
  const passwordHash = await hashPassword(input.next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, ...(user.sessionId ? { id: { not: user.sessionId } } : {}) },
      data: { revokedAt: new Date() },
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
