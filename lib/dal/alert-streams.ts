import "server-only";
import { db } from "@/lib/db";
import { sessionEnded } from "@/lib/domain/session-lifetime";
import type { ClinicianUser } from "./session";

/** Open alert streams a session may hold; opening one more closes the oldest. */
export const STREAMS_PER_SESSION = 5;

export type StreamLease = {
  id: string;
  sessionId: string;
  userId: string;
  /** The user's session version when the stream opened: signing out everywhere raises it. */
  sessionVersion: number;
  /** Leases of the same session that this one pushed out, oldest first. */
  evicted: string[];
};

/**
 * Records a newly opened stream of the clinician's session and ends the leases beyond the newest
 * STREAMS_PER_SESSION. The session row is locked while it counts, so streams opened at the same moment cannot
 * all see room for one more. Null when the session is gone or revoked.
 */
export async function openStreamLease(user: ClinicianUser): Promise<StreamLease | null> {
  const sessionId = user.sessionId;
  if (!sessionId) return null;
  return db.$transaction(async (tx) => {
    const [session] = await tx.$queryRaw<{ session_version: number }[]>`
      select u.session_version from auth_session s join app_user u on u.id = s.user_id
      where s.id = ${sessionId}::uuid and s.user_id = ${user.id}::uuid and s.revoked_at is null
      for update of s`;
    if (!session) return null;
    const lease = await tx.alertStreamLease.create({ data: { sessionId }, select: { id: true } });
    const evicted = await tx.$queryRaw<{ id: string }[]>`
      delete from alert_stream_lease where id in (
        select id from alert_stream_lease where session_id = ${sessionId}::uuid
        order by opened_at desc, id desc offset ${STREAMS_PER_SESSION}
      ) returning id`;
    return {
      id: lease.id,
      sessionId,
      userId: user.id,
      sessionVersion: session.session_version,
      evicted: evicted.map((row) => row.id),
    };
  });
}

export type StreamStanding = "open" | "signed-out" | "replaced";

/**
 * Whether a stream may go on, read afresh from the database: its session not revoked (sign-out, sign-out
 * everywhere, a password change or reset), not idle or past its absolute limit, the account neither disabled
 * nor signed out everywhere nor moved, and the lease not pushed out by newer streams. Reading does not count
 * as activity: a page left open does not keep an idle session alive.
 */
export async function streamStanding(
  lease: Pick<StreamLease, "id" | "sessionId" | "userId" | "sessionVersion">,
  clinicId: string,
  now = new Date(),
): Promise<StreamStanding> {
  const session = await db.authSession.findUnique({
    where: { id: lease.sessionId },
    select: {
      userId: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      user: { select: { role: true, clinicId: true, disabledAt: true, sessionVersion: true } },
      streams: { where: { id: lease.id }, select: { id: true } },
    },
  });
  if (!session || session.userId !== lease.userId) return "signed-out";
  const { user } = session;
  if (
    sessionEnded(session, user.role, now) ||
    user.disabledAt !== null ||
    user.sessionVersion !== lease.sessionVersion ||
    user.role !== "CLINICIAN" ||
    user.clinicId !== clinicId
  )
    return "signed-out";
  return session.streams.length === 0 ? "replaced" : "open";
}

/** Forgets a closed stream's lease. */
export async function closeStreamLease(leaseId: string): Promise<void> {
  await db.alertStreamLease.deleteMany({ where: { id: leaseId } });
}
