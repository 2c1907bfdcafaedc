// Every session is preceded by its own clear check-in: one without red flags, made within the 2 hours before
// the session is logged, and used by no other session. The session_log guardrail trigger (migration
// 20261129231000_red_flag_path) enforces the same window in the database.

export const CHECK_IN_VALID_HOURS = 2;
const VALID_MS = CHECK_IN_VALID_HOURS * 60 * 60 * 1000;

/** The earliest moment a check-in may have been made to cover a session logged at `now`. */
export function freshCheckInSince(now: Date): Date {
  return new Date(now.getTime() - VALID_MS);
}

/** Whether a clear check-in made at `checkedInAt` still covers a session logged at `now`. */
export function coversSession(checkedInAt: Date, now: Date): boolean {
  return checkedInAt.getTime() <= now.getTime() && checkedInAt.getTime() >= now.getTime() - VALID_MS;
}
