// How a patient is doing: adherence, engagement, pain trend and whether a change is clinically meaningful.
// Adherence and streaks count local days: the caller turns each session's instant into the calendar day it
// fell on where the patient lives (localDay in lib/time.ts), so daylight saving never moves a session to
// another day here. A day is "YYYY-MM-DD"; weeks run Monday to Sunday. Calendar arithmetic on such days is
// zone-free, so it is done on UTC dates.

const DAY_MS = 24 * 60 * 60 * 1000;

/** A plan with no session for this many days is "inactive"; for STALLED_DAYS, "stalled". */
export const INACTIVE_DAYS = 3;
export const STALLED_DAYS = 14;
/** A clinically meaningful change on the 0-10 scale: 2 points, or 30% of where the patient started. */
export const MEANINGFUL_POINTS = 2;
export const MEANINGFUL_FRACTION = 0.3;
/** Weeks shown in the adherence chart, most recent last. */
export const ADHERENCE_CHART_WEEKS = 8;

/** A calendar day, "YYYY-MM-DD", in the patient's time zone. */
export type LocalDay = string;

const dayIndex = (day: LocalDay) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayAt = (index: number): LocalDay => new Date(index * DAY_MS).toISOString().slice(0, 10);

/** The day `days` after `day` (before, when negative). */
export function addDays(day: LocalDay, days: number): LocalDay {
  return dayAt(dayIndex(day) + days);
}

/** The Monday that begins the week of `day`. */
export function startOfWeek(day: LocalDay): LocalDay {
  const index = dayIndex(day);
  const sinceMonday = (new Date(index * DAY_MS).getUTCDay() + 6) % 7;
  return dayAt(index - sinceMonday);
}

/** Sessions a week the plan asks for: the most often any of its exercises is prescribed. */
export function sessionsPrescribed(items: { timesPerWeek: number }[]): number {
  return items.reduce((most, item) => Math.max(most, item.timesPerWeek), 0);
}

/** Days with a session against the days prescribed; `ratio` is capped at 1 and null without a target. */
export type Adherence = { done: number; target: number; ratio: number | null };
export type WeekAdherence = Adherence & { weekStart: LocalDay };

const ratioOf = (done: number, target: number) => (target > 0 ? Math.min(done / target, 1) : null);

/**
 * Adherence week by week from the plan's start day to today: in each week, the distinct days with a session
 * on or after the start day, against the sessions a week prescribed (fewer in the first week when the plan
 * started after its Monday). `percent` sets the days done (never more than a week's target) against the days
 * due: every finished week's target, and of this week only what is due so far, or done already.
 */
export function adherenceSince(input: {
  sessionDays: LocalDay[];
  startDay: LocalDay;
  today: LocalDay;
  perWeek: number;
}): { weeks: WeekAdherence[]; done: number; due: number; percent: number | null } {
  const { startDay, today, perWeek } = input;
  const days = new Set(input.sessionDays.filter((day) => day >= startDay && day <= today));
  const weeks: WeekAdherence[] = [];
  let done = 0;
  let due = 0;
  for (let weekStart = startOfWeek(startDay); weekStart <= today; weekStart = addDays(weekStart, 7)) {
    const first = weekStart < startDay ? startDay : weekStart;
    const daysOnPlan = 7 - (dayIndex(first) - dayIndex(weekStart));
    const target = Math.round((perWeek * daysOnPlan) / 7);
    let count = 0;
    for (let offset = 0; offset < 7; offset += 1) if (days.has(addDays(weekStart, offset))) count += 1;
    weeks.push({ weekStart, done: count, target, ratio: ratioOf(count, target) });
    const credited = Math.min(count, target);
    const thisWeek = addDays(weekStart, 7) > today;
    const elapsed = dayIndex(today) - dayIndex(first) + 1;
    done += credited;
    due += thisWeek ? Math.max(Math.floor((target * elapsed) / daysOnPlan), credited) : target;
  }
  return { weeks, done, due, percent: due > 0 ? Math.round((done / due) * 100) : null };
}

/** Days with a session in the week of `today`, against that week's target; nothing is due before the start. */
export function adherenceThisWeek(input: {
  sessionDays: LocalDay[];
  startDay: LocalDay;
  today: LocalDay;
  perWeek: number;
}): Adherence {
  const week = adherenceSince(input).weeks.at(-1);
  if (!week || week.weekStart !== startOfWeek(input.today)) return { done: 0, target: 0, ratio: null };
  return { done: week.done, target: week.target, ratio: week.ratio };
}

export type Engagement = "ON_TRACK" | "INACTIVE" | "STALLED";

/**
 * Engagement of a patient with an active plan: days without a session, counted from the latest of their last
 * session, the plan's activation, the plan's first day and the patient's own creation, so that a patient
 * added minutes ago, or whose plan has not started yet, is on track. Without an active plan there is nothing
 * to engage with: null.
 */
export function engagement(input: {
  planActiveSince: Date | null;
  lastSessionAt: Date | null;
  /** When the plan's start day began where the patient lives. */
  planStartsAt?: Date | null;
  patientCreatedAt?: Date | null;
  now: Date;
}): Engagement | null {
  if (!input.planActiveSince) return null;
  const since = [input.lastSessionAt, input.planStartsAt, input.patientCreatedAt].reduce<Date>(
    (latest, date) => (date && date > latest ? date : latest),
    input.planActiveSince,
  );
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

/** Consecutive local days with at least one session, ending today or yesterday. */
export function streakDays(sessionDays: LocalDay[], today: LocalDay): number {
  const days = new Set(sessionDays);
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}
