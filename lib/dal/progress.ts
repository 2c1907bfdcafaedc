import "server-only";
import { db } from "@/lib/db";
import {
  adherenceThisWeek,
  describePainTrend,
  painTrend,
  sessionsPrescribed,
  streakDays,
} from "@/lib/domain/progress";
import type { PatientUser } from "./session";

/** The signed-in patient's own progress: pain over time, this week's sessions against the plan, a streak. */
export async function getOwnProgress(user: PatientUser, now = new Date()) {
  const [logs, plan] = await Promise.all([
    db.sessionLog.findMany({
      where: { patientId: user.patientId, patient: { userId: user.id } },
      orderBy: { performedAt: "asc" },
      select: { performedAt: true, painBefore: true, painAfter: true },
    }),
    db.plan.findFirst({
      where: { patientId: user.patientId, status: { in: ["ACTIVE", "PAUSED"] } },
      select: { items: { select: { timesPerWeek: true } } },
    }),
  ]);
  const dates = logs.map((log) => log.performedAt);
  const trend = painTrend(logs);
  return {
    sessions: logs.length,
    painSeries: logs.map((log) => ({
      at: log.performedAt.toISOString(),
      before: log.painBefore,
      after: log.painAfter,
    })),
    thisWeek: plan ? adherenceThisWeek(dates, sessionsPrescribed(plan.items), now) : null,
    streak: streakDays(dates, now),
    trend,
    summary: describePainTrend(trend),
  };
}
