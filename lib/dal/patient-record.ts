import "server-only";
import { db } from "@/lib/db";
import { ADHERENCE_CHART_WEEKS, adherenceSince, painTrend, sessionsPrescribed } from "@/lib/domain/progress";
import { calendarDay, formatDayMonth, localDay, timeZoneOf, zoneOf } from "@/lib/time";
import type { ClinicianUser } from "./session";
import { sessionLogSummarySelect } from "./session-logs";

/**
 * The clinical record on a patient's page: sessions, adherence by week, red flags with their clearances and
 * the audit trail. `authorizedPatientId` must come from getClinicPatient, which scoped it to the clinic; every
 * query here repeats the clinic in its own where.
 */
export async function getPatientRecord(user: ClinicianUser, authorizedPatientId: string, now = new Date()) {
  const scope = { patientId: authorizedPatientId, patient: { clinicId: user.clinicId } };
  const [logs, sessionTimes, plan, redFlags, auditEvents, account] = await Promise.all([
    db.sessionLog.findMany({
      where: scope,
      orderBy: { performedAt: "desc" },
      take: 200,
      select: sessionLogSummarySelect,
    }),
    // Every session's time, for adherence since the plan's start; the list above stops at 200.
    db.sessionLog.findMany({ where: scope, select: { performedAt: true } }),
    db.plan.findFirst({
      where: { ...scope, status: { in: ["ACTIVE", "PAUSED"] } },
      orderBy: { createdAt: "desc" },
      select: { startDate: true, items: { select: { timesPerWeek: true } } },
    }),
    db.redFlagReport.findMany({
      where: scope,
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        flags: true,
        painScore: true,
        createdAt: true,
        clearances: {
          orderBy: { clearedAt: "asc" },
          select: {
            id: true,
            outcome: true,
            clearedAt: true,
            note: true,
            clinician: { select: { name: true } },
          },
        },
      },
    }),
    db.auditEvent.findMany({
      where: { patientId: authorizedPatientId, clinicId: user.clinicId },
      orderBy: { createdAt: "desc" },
      take: 30,
      select: { id: true, action: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.patient.findFirst({
      where: { id: authorizedPatientId, clinicId: user.clinicId },
      select: {
        user: { select: { passwordHash: true, timeZone: true } },
        clinic: { select: { timeZone: true } },
      },
    }),
  ]);
  // Adherence counts the patient's own local days; the chart's labels are in the reader's zone.
  const patientZone = account ? zoneOf(account.user, account.clinic) : timeZoneOf(user);
  const zone = timeZoneOf(user);
  const chronological = [...logs].reverse();
  const adherence = plan
    ? adherenceSince({
        sessionDays: sessionTimes.map((log) => localDay(log.performedAt, patientZone)),
        startDay: calendarDay(plan.startDate),
        today: localDay(now, patientZone),
        perWeek: sessionsPrescribed(plan.items),
      })
    : null;
  return {
    logs,
    painSeries: chronological.map((log) => ({
      at: log.performedAt.toISOString(),
      label: formatDayMonth(log.performedAt, zone),
      before: log.painBefore,
      after: log.painAfter,
    })),
    trend: painTrend(chronological),
    adherence: adherence && {
      percent: adherence.percent,
      done: adherence.done,
      due: adherence.due,
      weeks: adherence.weeks.slice(-ADHERENCE_CHART_WEEKS),
    },
    redFlags,
    auditEvents: auditEvents.map((event) => ({ ...event, id: event.id.toString() })),
    invitationPending: account?.user.passwordHash.startsWith("!") ?? false,
  };
}
