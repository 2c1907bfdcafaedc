import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { assessSession } from "@/lib/domain/session-alerts";
import type { SessionLogInput } from "@/lib/validation/session-log";
import { audit } from "./audit";
import { lockPatient } from "./check-ins";
import { once, requestHash } from "./idempotency";
import { enqueueAlert } from "./outbox";
import type { PatientUser } from "./session";

/** What a session log shows wherever it is read: its pain, how it felt, the notes, the plan version and exercises. */
export const sessionLogSummarySelect = {
  id: true,
  performedAt: true,
  painBefore: true,
  painAfter: true,
  discomfort: true,
  worseOrSpread: true,
  notes: true,
  planVersion: { select: { version: true } },
  items: { select: { exercise: { select: { name: true } } } },
} as const;

export const PAUSED_MESSAGE =
  "Your exercise is paused after the symptoms you reported. Do not exercise until your clinician has recorded a doctor's clearance.";

/** What the log form needs: the plan being followed and whether logging is allowed at all. */
export async function getLogForm(user: PatientUser) {
  const patient = await db.patient.findFirst({
    where: { id: user.patientId, userId: user.id },
    select: { status: true },
  });
  if (!patient) notFound();
  const plan = await db.plan.findFirst({
    where: { patientId: user.patientId, status: { in: ["ACTIVE", "PAUSED"] } },
    select: {
      status: true,
      version: true,
      items: {
        orderBy: { position: "asc" },
        select: { exerciseId: true, exercise: { select: { name: true } } },
      },
    },
  });
  const refusal =
    patient.status === "PAUSED_RED_FLAG" || plan?.status === "PAUSED"
      ? PAUSED_MESSAGE
      : patient.status === "DISCHARGED"
        ? "You have been discharged, so there are no more sessions to log."
        : !plan
          ? "You have no active plan yet, so there is nothing to log."
          : null;
  return { plan, refusal };
}

/**
 * Logs a session against the version of the plan the patient is following. Refused while the patient or plan
 * is paused. Pain that got worse or spread, or rose two sessions running, opens a WARNING alert for the
 * clinic in the same transaction. Exactly once per idempotency key.
 */
export async function logSession(user: PatientUser, input: SessionLogInput) {
  const hash = requestHash({ ...input, exerciseIds: [...input.exerciseIds].sort() });
  const find = () =>
    db.sessionLog.findUnique({
      where: {
        patientId_idempotencyKey: { patientId: user.patientId, idempotencyKey: input.idempotencyKey },
      },
      select: { id: true, requestHash: true },
    });

  const { record } = await once(hash, find, () =>
    db.$transaction(async (tx) => {
      // The patient's row lock serialises duplicates: the second waits, then fails on the unique key.
      const patient = await lockPatient(tx, user);
      if (patient.status === "PAUSED_RED_FLAG") throw new DomainError("PAUSED", PAUSED_MESSAGE);
      if (patient.status === "DISCHARGED")
        throw new DomainError(
          "DISCHARGED",
          "You have been discharged, so there are no more sessions to log.",
        );
      const plan = await tx.plan.findFirst({
        where: { patientId: user.patientId, status: "ACTIVE" },
        select: { id: true, version: true, items: { select: { exerciseId: true } } },
      });
      if (!plan) throw new DomainError("NO_PLAN", "You have no active plan, so there is nothing to log.");
      if (plan.version !== input.planVersion) {
        throw new DomainError(
          "STALE_PLAN",
          "Your plan changed while you were logging. Reload the page to see the new plan.",
        );
      }
      const inPlan = new Set(plan.items.map((item) => item.exerciseId));
      if (input.exerciseIds.some((id) => !inPlan.has(id))) {
        throw new DomainError(
          "UNKNOWN_ITEM",
          "One of the exercises ticked is not in your plan. Reload the page.",
        );
      }
      const version = await tx.planVersion.findUniqueOrThrow({
        where: { planId_version: { planId: plan.id, version: plan.version } },
        select: { id: true },
      });
      const log = await tx.sessionLog.create({
        data: {
          patientId: user.patientId,
          planId: plan.id,
          planVersionId: version.id,
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          painBefore: input.painBefore,
          painAfter: input.painAfter,
          discomfort: input.discomfort,
          worseOrSpread: input.worseOrSpread,
          notes: input.notes,
          items: { create: input.exerciseIds.map((exerciseId) => ({ exerciseId })) },
        },
        select: { id: true, requestHash: true, performedAt: true },
      });
      const previous = await tx.sessionLog.findFirst({
        where: { patientId: user.patientId, id: { not: log.id } },
        orderBy: [{ performedAt: "desc" }, { createdAt: "desc" }],
        select: { painBefore: true, painAfter: true },
      });
      const assessment = assessSession(input, previous);
      const base = { clinicId: user.clinicId, actorId: user.id, patientId: user.patientId };
      for (const warning of assessment.alerts) {
        const alert = await tx.alert.create({
          data: {
            clinicId: user.clinicId,
            patientId: user.patientId,
            severity: "WARNING",
            reason: warning.reason,
            message: warning.message,
            sessionLogId: log.id,
          },
          select: { id: true },
        });
        await enqueueAlert(tx, user.clinicId, {
          alertId: alert.id,
          patientId: user.patientId,
          severity: "WARNING",
        });
        await audit(tx, {
          ...base,
          action: "alert.opened",
          entityType: "Alert",
          entityId: alert.id,
          metadata: { severity: "WARNING", reason: warning.reason },
        });
      }
      await audit(tx, {
        ...base,
        action: "session.logged",
        entityType: "SessionLog",
        entityId: log.id,
        metadata: { planVersion: plan.version },
      });
      return log;
    }),
  );
  return { sessionLogId: record.id };
}

/** One of the signed-in patient's own session logs with the guidance it earned; anyone else's is a 404. */
export async function getOwnSessionLog(user: PatientUser, sessionLogId: string) {
  const id = z.uuid().safeParse(sessionLogId);
  if (!id.success) notFound();
  const log = await db.sessionLog.findFirst({
    where: { id: id.data, patientId: user.patientId },
    select: { ...sessionLogSummarySelect, alerts: { select: { reason: true } } },
  });
  if (!log) notFound();
  const previous = await db.sessionLog.findFirst({
    where: { patientId: user.patientId, performedAt: { lt: log.performedAt } },
    orderBy: { performedAt: "desc" },
    select: { painBefore: true, painAfter: true },
  });
  return { ...log, assessment: assessSession(log, previous) };
}
