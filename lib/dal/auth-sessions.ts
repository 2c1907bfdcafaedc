import "server-only";
import { db } from "@/lib/db";
import { audit } from "./audit";

/** Records a new signed-in browser; its id goes into the session cookie. */
export async function startSession(userId: string): Promise<string> {
  const session = await db.authSession.create({ data: { userId }, select: { id: true } });
  return session.id;
}

/**
 * Signs one browser out on the server: its cookie, even replayed, is refused from now on. Audited once, by
 * whichever sign-out gets there first (the app's button, or next-auth's own POST /api/auth/signout).
 */
export async function endSession(user: {
  id: string;
  clinicId: string;
  sessionId: string | null;
}): Promise<void> {
  if (!user.sessionId) return;
  await db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({
      where: { id: user.sessionId!, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return;
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.sign_out",
      entityType: "User",
      entityId: user.id,
    });
  });
}

/** Signs a user out of every browser: all sessions revoked and the session version raised. */
export async function endAllSessions(user: { id: string; clinicId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "auth.sign_out_everywhere",
      entityType: "User",
      entityId: user.id,
    });
  });
}
