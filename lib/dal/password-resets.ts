import "server-only";
import { db } from "@/lib/db";
import { hashOneTimeToken, newOneTimeToken } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/domain/errors";
import { audit } from "./audit";

// Self-service password resets, for patients, clinicians and admins alike. A reset link is a one-time token
// (only its SHA-256 is stored) that works once, for 30 minutes; a new request retires the earlier links.

export const PASSWORD_RESET_MINUTES = 30;

/** What the forgot-password page and action say when the app cannot send e-mail (no SMTP_URL). */
export const NO_EMAIL_RESET =
  "Password resets by email are not available here. Ask your clinic for a link to choose a new password.";

/**
 * A reset link's token for the account of `email`, or null when there is no such account (or it is
 * disabled). The caller must answer the same either way: whether an address has an account is not the
 * asker's to learn.
 */
export async function issuePasswordReset(
  email: string,
  now = new Date(),
): Promise<{ token: string; name: string; email: string } | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, clinicId: true, name: true, email: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  const { token, tokenHash } = newOneTimeToken();
  await db.$transaction(async (tx) => {
    await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.passwordReset.create({
      data: {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
      },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.password_reset_requested",
      entityType: "User",
      entityId: user.id,
    });
  });
  return { token, name: user.name, email: user.email };
}

export type PasswordResetState =
  { state: "valid"; email: string } | { state: "expired" | "used" | "unknown" };

/** What a reset link shows; a token that was never issued reveals nothing. */
export async function findPasswordReset(token: string, now = new Date()): Promise<PasswordResetState> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, disabledAt: true } } },
  });
  if (!reset || reset.user.disabledAt) return { state: "unknown" };
  if (reset.usedAt) return { state: "used" };
  if (reset.expiresAt <= now) return { state: "expired" };
  return { state: "valid", email: reset.user.email };
}

const REFUSALS = {
  unknown: "This password reset link is not valid. Ask for a new one.",
  used: "This password reset link has already been used. Sign in with your new password, or ask for a new link.",
  expired: `This password reset link has expired: links work for ${PASSWORD_RESET_MINUTES} minutes. Ask for a new one.`,
} as const;

export function passwordResetRefusal(state: keyof typeof REFUSALS): string {
  return REFUSALS[state];
}

/**
 * Sets a new password through a reset link, once. Whoever knew the old password keeps nothing: every session
 * row is revoked and the session version raised (so even a cookie of a session row not yet written is
 * refused), and the failed-sign-in counters and lock are cleared.
 */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const [reset] = await tx.$queryRaw<
      { id: string; user_id: string; used_at: Date | null; expires_at: Date }[]
    >`
      select id, user_id, used_at, expires_at from password_reset
       where token_hash = ${hashOneTimeToken(token)} for update`;
    if (!reset) throw new DomainError("PASSWORD_RESET", REFUSALS.unknown);
    if (reset.used_at) throw new DomainError("PASSWORD_RESET", REFUSALS.used);
    if (reset.expires_at <= now) throw new DomainError("PASSWORD_RESET", REFUSALS.expired);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: reset.user_id },
      select: { id: true, clinicId: true, email: true, disabledAt: true },
    });
    if (user.disabledAt) throw new DomainError("PASSWORD_RESET", REFUSALS.unknown);
    const problem = passwordProblem(password, { email: user.email });
    if (problem) throw new DomainError("WEAK_PASSWORD", problem);
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
    await tx.passwordReset.update({ where: { id: reset.id }, data: { usedAt: now } });
    // Any other link still open for this account stops working too.
    await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.password_reset",
      entityType: "User",
      entityId: user.id,
    });
  });
}
