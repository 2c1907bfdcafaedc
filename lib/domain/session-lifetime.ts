// How long a sign-in lasts. Clinicians see many patients' health data, often on shared workstations, so
// their sessions also end after 30 idle minutes; every session ends 12 hours after sign-in.

export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const CLINICIAN_IDLE_MS = 30 * 60 * 1000;
/** Activity is recorded at most this often, so that reading pages does not write on every request. */
export const TOUCH_EVERY_MS = 60 * 1000;

export function sessionEnded(
  session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null },
  role: "CLINICIAN" | "PATIENT" | "ADMIN",
  now: Date,
): boolean {
  if (session.revokedAt) return true;
  if (now.getTime() - session.createdAt.getTime() >= ABSOLUTE_LIFETIME_MS) return true;
  const idleLimited = role === "CLINICIAN" || role === "ADMIN";
  return idleLimited && now.getTime() - session.lastSeenAt.getTime() >= CLINICIAN_IDLE_MS;
}
