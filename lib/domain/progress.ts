// How a patient is doing: adherence, engagement, pain trend and whether a change is clinically meaningful.
// Weeks run Monday to Sunday in UTC; a day is a UTC calendar day.

const DAY_MS = 24 * 60 * 60 * 1000;

/** A plan with no session for this many days is "inactive"; for STALLED_DAYS, "stalled". */
export const INACTIVE_DAYS = 3;
export const STALLED_DAYS = 14;
/** A clinically meaningful change on the 0-10 scale: 2 points, or 30% of where the patient started. */
export const MEANINGFUL_POINTS = 2;
export const MEANINGFUL_FRACTION = 0.3;

export function startOfWeek(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** Sessions a week the plan asks for: the most often any of its exercises is prescribed. */
export function sessionsPrescribed(items: { timesPerWeek: number }[]): number {
  return items.reduce((most, item) => Math.max(most, item.timesPerWeek), 0);
}

export type Adherence = { done: number; target: number; ratio: number | null };

/** Sessions done in the week that contains `now`, against the sessions prescribed. */
export function adherenceThisWeek(sessionDates: Date[], target: number, now: Date): Adherence {
  const start = startOfWeek(now).getTime();
  const end = start + 7 * DAY_MS;
  const done = sessionDates.filter((date) => date.getTime() >= start && date.getTime() < end).length;
  return { done, target, ratio: target > 0 ? Math.min(done / target, 1) : null };
}

/** Adherence for each of the last `weeks` weeks, oldest first. */
export function adherenceByWeek(sessionDates: Date[], target: number, now: Date, weeks: number) {
  const thisWeek = startOfWeek(now).getTime();
  return Array.from({ length: weeks }, (_, index) => {
    const weekStart = new Date(thisWeek - (weeks - 1 - index) * 7 * DAY_MS);
    return { weekStart, ...adherenceThisWeek(sessionDates, target, weekStart) };
  });
}

export type Engagement = "ON_TRACK" | "INACTIVE" | "STALLED";

/**
 * Engagement of a patient with an active plan: days since their last session, or since the plan was
 * activated if they have none. Without an active plan there is nothing to engage with: null.
 */
export function engagement(input: {
  planActiveSince: Date | null;
  lastSessionAt: Date | null;
  now: Date;
}): Engagement | null {
  if (!input.planActiveSince) return null;
  const since =
    input.lastSessionAt && input.lastSessionAt > input.planActiveSince
      ? input.lastSessionAt
      : input.planActiveSince;
  const days = (input.now.getTime() - since.getTime()) / DAY_MS;
  if (days >= STALLED_DAYS) return "STALLED";
  if (days >= INACTIVE_DAYS) return "INACTIVE";
  return "ON_TRACK";
}

export type Change = {
  from: number;
  to: number;
  points: number;
  direction: "better" | "worse" | "same";
  meaningful: boolean;
};

/** The change from a starting pain score to a current one; lower pain is better. */
export function painChange(from: number, to: number): Change {
  const points = Math.round((from - to) * 10) / 10;
  const meaningful =
    Math.abs(points) >= MEANINGFUL_POINTS ||
    (from > 0 && Math.abs(points) / from >= MEANINGFUL_FRACTION - 1e-9);
  return {
    from,
    to,
    points: Math.abs(points),
    direction: points > 0 ? "better" : points < 0 ? "worse" : "same",
    meaningful: meaningful && points !== 0,
  };
}

type Log = { performedAt: Date; painBefore: number; painAfter: number };

/** Pain after sessions: the average of the first three against the last three, once there are at least four. */
export function painTrend(logs: Log[]): Change | null {
  if (logs.length < 4) return null;
  const sorted = [...logs].sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime());
  const average = (some: Log[]) =>
    Math.round((some.reduce((sum, log) => sum + log.painAfter, 0) / some.length) * 10) / 10;
  return painChange(average(sorted.slice(0, 3)), average(sorted.slice(-3)));
}

/** The sentence a patient reads about their pain after sessions. */
export function describePainTrend(trend: Change | null): string {
  if (!trend) return "Log a few more sessions to see how your pain is changing.";
  const points = `${trend.points} point${trend.points === 1 ? "" : "s"}`;
  if (trend.direction === "better") {
    return `Your pain after sessions has dropped ${points} since you started${trend.meaningful ? ": a real, meaningful improvement." : "."}`;
  }
  if (trend.direction === "worse") {
    return `Your pain after sessions has risen ${points} since you started. Tell your clinician, and take a rest day if exercise aggravates it.`;
  }
  return "Your pain after sessions is about where it was when you started.";
}

/** Consecutive days with at least one session, ending today or yesterday. */
export function streakDays(sessionDates: Date[], now: Date): number {
  const days = new Set(sessionDates.map((date) => Math.floor(date.getTime() / DAY_MS)));
  let day = Math.floor(now.getTime() / DAY_MS);
  if (!days.has(day)) day -= 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}
