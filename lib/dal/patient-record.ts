import "server-only";
import { db } from "@/lib/db";
import { adherenceByWeek, painTrend, sessionsPrescribed } from "@/lib/domain/progress";
import type { ClinicianUser } from "./session";
import { sessionLogSummarySelect } from "./session-logs";

/**
 * The clinical record on a patient's page: sessions, adherence by week, red flags with their clearances and
 * the audit trail. `authorizedPatientId` must come from getClinicPatient, which scoped it to the clinic; every
 * query here repeats the clinic in its own where.
 */
export async function getPatientRecord(user: ClinicianUser, authorizedPatientId: string, now = new Date()) {
  const scope = { patientId: authorizedPatientId, patient: { clinicId: user.clinicId } };
  const [logs, plan, redFlags, auditEvents, account] = await Promise.all([
    db.sessionLog.findMany({
      where: scope,
      orderBy: { performedAt: "desc" },
      take: 200,
      select: sessionLogSummarySelect,
    }),
    db.plan.findFirst({
      where: { ...scope, status: { in: ["ACTIVE", "PAUSED"] } },
      select: { items: { select: { timesPerWeek: true } } },
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
      select: { user: { select: { passwordHash: true } } },
    }),
  ]);
  const target = plan ? sessionsPrescribed(plan.items) : 0;
  const chronological = [...logs].reverse();
  return {
    logs,
    painSeries: chronological.map((log) => ({
      at: log.performedAt.toISOString(),
      before: log.painBefore,
      after: log.painAfter,
    })),
    trend: painTrend(chronological),
    adherence: plan
      ? adherenceByWeek(
          logs.map((log) => log.performedAt),
          target,
          now,
          6,
        )
      : [],
    redFlags,
    auditEvents: auditEvents.map((event) => ({ ...event, id: event.id.toString() })),
    invitationPending: account?.user.passwordHash.startsWith("!") ?? false,
  };
}
