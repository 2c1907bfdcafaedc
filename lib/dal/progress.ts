import "server-only";
import { db } from "@/lib/db";
import {
  ADHERENCE_CHART_WEEKS,
  adherenceSince,
  describePainTrend,
  painTrend,
  sessionsPrescribed,
  streakDays,
} from "@/lib/domain/progress";
import { calendarDay, formatDayMonth, localDay, timeZoneOf } from "@/lib/time";
import type { PatientUser } from "./session";

/**
 * The signed-in patient's own progress: pain over time, adherence by week since the plan started, a streak.
 * Days are the patient's local days (their own zone, else their clinic's).
 */
export async function getOwnProgress(user: PatientUser, now = new Date()) {
  const zone = timeZoneOf(user);
  const [logs, plan] = await Promise.all([
    db.sessionLog.findMany({
      where: { patientId: user.patientId, patient: { userId: user.id } },
      orderBy: { performedAt: "asc" },
      select: { performedAt: true, painBefore: true, painAfter: true },
    }),
    db.plan.findFirst({
      where: { patientId: user.patientId, status: { in: ["ACTIVE", "PAUSED"] } },
      orderBy: { createdAt: "desc" },
      select: { startDate: true, items: { select: { timesPerWeek: true } } },
    }),
  ]);
  const days = logs.map((log) => localDay(log.performedAt, zone));
  const today = localDay(now, zone);
  const adherence = plan
    ? adherenceSince({
        sessionDays: days,
        startDay: calendarDay(plan.startDate),
        today,
        perWeek: sessionsPrescribed(plan.items),
      })
    : null;
  const trend = painTrend(logs);
  return {
    sessions: logs.length,
    painSeries: logs.map((log) => ({
      at: log.performedAt.toISOString(),
      label: formatDayMonth(log.performedAt, zone),
      before: log.painBefore,
      after: log.painAfter,
    })),
    thisWeek: adherence ? (adherence.weeks.at(-1) ?? null) : null,
    adherence: adherence && { ...adherence, weeks: adherence.weeks.slice(-ADHERENCE_CHART_WEEKS) },
    streak: streakDays(days, today),
    trend,
    summary: describePainTrend(trend),
  };
}
