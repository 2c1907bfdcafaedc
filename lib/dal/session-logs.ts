import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { freshCheckInSince } from "@/lib/domain/check-in-window";
import { isSeverePain } from "@/lib/domain/red-flags";
import { assessSession, type SessionAlertReason } from "@/lib/domain/session-alerts";
import type { SessionLogInput } from "@/lib/validation/session-log";
import { audit } from "./audit";
import { PAUSED_MESSAGE, lockPatient, raiseRedFlag } from "./check-ins";
import { sqlState } from "./database-errors";
import { once, replayOf, requestHash } from "./idempotency";
import { enqueueAlert } from "./outbox";
import { LIMITS, enforce } from "./rate-limit";
import type { PatientUser } from "./session";
import { safetyTransaction } from "./transaction";

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

/**
 * The newest clear check-in of the patient that still covers a session logged now, unused by any log and
 * made after their latest red flag: a check-in from before a red flag never covers a session after it.
 */
async function freshCheckIn(
  client: Pick<Tx, "checkIn" | "redFlagReport">,
  user: PatientUser,
  now = new Date(),
) {
  const latestRedFlag = await client.redFlagReport.findFirst({
    where: { patientId: user.patientId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = freshCheckInSince(now);
  return client.checkIn.findFirst({
    where: {
      patientId: user.patientId,
      redFlags: { isEmpty: true },
      createdAt: {
        gte: latestRedFlag && latestRedFlag.createdAt > since ? latestRedFlag.createdAt : since,
        lte: now,
      },
      sessionLog: { is: null },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/**
 * What the log form needs: the plan being followed, whether logging is allowed at all, and whether the
 * patient must check in first (no clear check-in of theirs in the last 2 hours that no session has used).
 */
export async function getLogForm(user: PatientUser) {
  const patient = await db.patient.findFirst({
    where: { id: user.patientId, userId: user.id },
    select: { status: true },
  });
  if (!patient) notFound();
  const [plan, checkIn] = await Promise.all([
    db.plan.findFirst({
      where: { patientId: user.patientId, status: { in: ["ACTIVE", "PAUSED"] } },
      select: {
        status: true,
        version: true,
        items: {
          orderBy: { position: "asc" },
          select: { exerciseId: true, exercise: { select: { name: true } } },
        },
      },
    }),
    freshCheckIn(db, user),
  ]);
  const refusal =
    patient.status === "PAUSED_RED_FLAG" || plan?.status === "PAUSED"
      ? PAUSED_MESSAGE
      : patient.status === "DISCHARGED"
        ? "You have been discharged, so there are no more sessions to log."
        : !plan
          ? "You have no active plan yet, so there is nothing to log."
          : null;
  return { plan, refusal, checkInNeeded: refusal === null && checkIn === null };
}

export const CHECK_IN_NEEDED_MESSAGE =
  "Do the safety check-in before you log a session: each session needs its own, made in the last 2 hours.";

/**
 * Logs a session against the version of the plan the patient is following, and against the clear check-in
 * that preceded it (the database refuses a log without one, BC007/BC008). Refused while the patient or plan is
 * paused. Pain after of 8 or more takes the red-flag path in the same transaction; pain that got worse or
 * spread, or rose (lib/domain/session-alerts.ts), opens a WARNING alert. Exactly once per idempotency key; a
 * retry costs nothing against the rate limit, and a session with very severe pain is never rate-limited.
 */
export async function logSession(user: PatientUser, input: SessionLogInput) {
  const hash = requestHash({ ...input, exerciseIds: [...input.exerciseIds].sort() });
  const find = () =>
    db.sessionLog.findUnique({
      where: {
        patientId_idempotencyKey: { patientId: user.patientId, idempotencyKey: input.idempotencyKey },
      },
      select: { id: true, requestHash: true, redFlagReport: { select: { id: true } } },
    });

  const { record } = await once(hash, find, async () => {
    try {
      return await safetyTransaction((tx) => storeSession(tx, user, input, hash));
    } catch (error) {
      if (["BC007", "BC008"].includes(sqlState(error)?.code ?? ""))
        throw new DomainError("CHECK_IN_NEEDED", CHECK_IN_NEEDED_MESSAGE);
      throw error;
    }
  });
  return { sessionLogId: record.id, outcome: record.redFlagReport ? "RED_FLAG" : "SAVED" } as const;
}

async function storeSession(tx: Tx, user: PatientUser, input: SessionLogInput, hash: string) {
  // The patient's row lock serialises duplicates: the second waits, then finds the first.
  const patient = await lockPatient(tx, user);
  const twin = await tx.sessionLog.findUnique({
    where: { patientId_idempotencyKey: { patientId: user.patientId, idempotencyKey: input.idempotencyKey } },
    select: { id: true, requestHash: true, redFlagReport: { select: { id: true } } },
  });
  if (twin) return replayOf(twin, hash);
  if (patient.status === "PAUSED_RED_FLAG") throw new DomainError("PAUSED", PAUSED_MESSAGE);
  if (patient.status === "DISCHARGED")
    throw new DomainError("DISCHARGED", "You have been discharged, so there are no more sessions to log.");
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
  const checkIn = await freshCheckIn(tx, user);
  if (!checkIn) throw new DomainError("CHECK_IN_NEEDED", CHECK_IN_NEEDED_MESSAGE);
  // A session with very severe pain is never rate-limited; any other counts only when it is stored.
  if (!isSeverePain(input.painAfter) && !isSeverePain(input.painBefore))
    await enforce(
      `session-log:${user.patientId}`,
      LIMITS.sessionLogPerPatient,
      "session logs",
      new Date(),
      tx,
    );
  const version = await tx.planVersion.findUniqueOrThrow({
    where: { planId_version: { planId: plan.id, version: plan.version } },
    select: { id: true },
  });
  const log = await tx.sessionLog.create({
    data: {
      patientId: user.patientId,
      planId: plan.id,
      planVersionId: version.id,
      checkInId: checkIn.id,
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
  for (const warning of assessment.alerts) {
    await openWarning(tx, user, warning, log.id);
  }
  const redFlagReport = assessment.severePain
    ? await raiseRedFlag(
        tx,
        user,
        { sessionLogId: log.id },
        ["VERY_SEVERE_PAIN"],
        Math.max(input.painBefore, input.painAfter),
      )
    : null;
  await audit(tx, {
    clinicId: user.clinicId,
    actorId: user.id,
    patientId: user.patientId,
    action: "session.logged",
    entityType: "SessionLog",
    entityId: log.id,
    metadata: { planVersion: plan.version },
  });
  return { ...log, redFlagReport };
}

async function openWarning(
  tx: Tx,
  user: PatientUser,
  warning: { reason: SessionAlertReason; message: string },
  sessionLogId: string | null,
) {
  const alert = await tx.alert.create({
    data: {
      clinicId: user.clinicId,
      patientId: user.patientId,
      severity: "WARNING",
      reason: warning.reason,
      message: warning.message,
      sessionLogId,
    },
    select: { id: true },
  });
  await enqueueAlert(tx, user.clinicId, {
    alertId: alert.id,
    patientId: user.patientId,
    severity: "WARNING",
  });
  await audit(tx, {
    clinicId: user.clinicId,
    actorId: user.id,
    patientId: user.patientId,
    action: "alert.opened",
    entityType: "Alert",
    entityId: alert.id,
    metadata: { severity: "WARNING", reason: warning.reason },
  });
}

/**
 * Keeps "my pain got worse or spread" from a session form that could not be stored (an answer missing, the
 * check-in out of date): a WARNING alert without a session log, so the clinician hears of it all the same.
 * While one is open and unseen from the last 2 hours, resubmitting the form does not repeat it; once a clinician
 * has acknowledged it, a new report opens a new alert.
 */
export async function reportWorseOrSpread(user: PatientUser) {
  await safetyTransaction(async (tx) => {
    await lockPatient(tx, user);
    const waiting = await tx.alert.findFirst({
      where: {
        patientId: user.patientId,
        reason: "PAIN_WORSE_OR_SPREAD",
        sessionLogId: null,
        status: "OPEN",
        createdAt: { gte: freshCheckInSince(new Date()) },
      },
      select: { id: true },
    });
    if (waiting) return;
    await openWarning(
      tx,
      user,
      {
        reason: "PAIN_WORSE_OR_SPREAD",
        message: "Pain got worse or spread during a session (reported on a session form that was not saved).",
      },
      null,
    );
  });
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
