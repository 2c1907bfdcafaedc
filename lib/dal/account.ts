import "server-only";
import { db } from "@/lib/db";
import { audit } from "./audit";
import type { SessionUser } from "./session";

/**
 * Sets the zone the signed-in person sees dates and times in; null goes back to their clinic's. Only their
 * own row: the id comes from the session, never from the form. Audited with the zone chosen (not clinical).
 */
export async function setOwnTimeZone(user: SessionUser, timeZone: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id, clinicId: user.clinicId }, data: { timeZone } });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "account.time_zone_changed",
      entityType: "User",
      entityId: user.id,
      metadata: { timeZone },
    });
  });
}

/** The zone the person chose themselves (null: their clinic's), and their clinic's, for the account page. */
export async function ownTimeZone(user: SessionUser) {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id, clinicId: user.clinicId },
    select: { timeZone: true, clinic: { select: { timeZone: true } } },
  });
  return { own: row.timeZone, clinic: row.clinic.timeZone };
}
