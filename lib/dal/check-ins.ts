import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { assessCheckIn, redFlagAlertMessage, type RedFlagCode } from "@/lib/domain/red-flags";
import type { CheckInInput } from "@/lib/validation/check-in";
import { audit } from "./audit";
import { once, replayOf, requestHash } from "./idempotency";
import { enqueueAlert } from "./outbox";
import { LIMITS, enforce } from "./rate-limit";
import type { PatientUser } from "./session";
import { safetyTransaction } from "./transaction";

export const PAUSED_MESSAGE =
  "Your exercise is paused after the symptoms you reported. Do not exercise until your clinician has recorded a doctor's clearance.";

/** Locks the patient's row for the rest of the transaction and returns what the red-flag path needs. */
export async function lockPatient(tx: Tx, user: PatientUser) {
  const [patient] = await tx.$queryRaw<
    { id: string; status: "ACTIVE" | "PAUSED_RED_FLAG" | "DISCHARGED"; clinic_id: string }[]
  >`
    select id, status, clinic_id from patient where id = ${user.patientId}::uuid and user_id = ${user.id}::uuid for update`;
  if (!patient) notFound();
  return patient;
}

/**
 * A safety check-in. With any red flag (very severe pain included) it does, in one transaction: store the
 * RedFlagReport, pause the patient and their plan, open an URGENT alert for the clinic, queue its delivery,
 * and write the AuditEvents. A failure at any step stores none of it. Submitted twice with the same key, it
 * stores one check-in and returns the same one, without counting against the rate limit. A red flag is never
 * rate-limited, and a deadlock or serialization failure is retried rather than reported.
 */
export async function submitCheckIn(
  user: PatientUser,
  input: CheckInInput,
): Promise<{ checkInId: string; outcome: "RED_FLAG" | "CLEAR" }> {
  try {
    return await storeCheckIn(user, input);
  } catch (error) {
    // A form sent again with other answers under its old key (the first reply was lost, then a symptom was
    // ticked): a red flag is never refused for that. It is stored under a key made of both, so that its own
    // retries still find it.
    const flagged =
      assessCheckIn({ flags: input.redFlags, painScore: input.painScore }).outcome === "RED_FLAG";
    if (!(error instanceof DomainError && error.code === "IDEMPOTENCY_CONFLICT") || !flagged) throw error;
    const hash = requestHash({ redFlags: [...input.redFlags].sort(), painScore: input.painScore });
    return storeCheckIn(user, { ...input, idempotencyKey: `${input.idempotencyKey}/${hash}` });
  }
}

async function storeCheckIn(user: PatientUser, input: CheckInInput) {
  const assessment = assessCheckIn({ flags: input.redFlags, painScore: input.painScore });
  const hash = requestHash({ redFlags: [...input.redFlags].sort(), painScore: input.painScore });
  const find = () =>
    db.checkIn.findUnique({
      where: {
        patientId_idempotencyKey: { patientId: user.patientId, idempotencyKey: input.idempotencyKey },
      },
      select: { id: true, requestHash: true, redFlags: true },
    });

  const { record } = await once(hash, find, () =>
    safetyTransaction(async (tx) => {
      // The patient's lock comes first: inserting the check-in takes a key-share lock on the patient row
      // (its foreign key), and taking FOR UPDATE after that deadlocks against a concurrent check-in.
      const patient = await lockPatient(tx, user);
      // A twin of this submission that committed while this one waited for the lock.
      const twin = await tx.checkIn.findUnique({
        where: {
          patientId_idempotencyKey: { patientId: user.patientId, idempotencyKey: input.idempotencyKey },
        },
        select: { id: true, requestHash: true, redFlags: true },
      });
      if (twin) return replayOf(twin, hash);
      if (patient.status === "PAUSED_RED_FLAG" && assessment.outcome === "CLEAR") {
        throw new DomainError("PAUSED", PAUSED_MESSAGE);
      }
      if (patient.status === "DISCHARGED" && assessment.outcome === "CLEAR") {
        throw new DomainError(
          "DISCHARGED",
          "You have been discharged, so there is no session to check in for.",
        );
      }
      // A red flag is never rate-limited; a clear check-in counts only when it is stored.
      if (assessment.outcome === "CLEAR")
        await enforce(`check-in:${user.patientId}`, LIMITS.checkInPerPatient, "check-ins", new Date(), tx);
      const checkIn = await tx.checkIn.create({
        data: {
          patientId: user.patientId,
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          painScore: input.painScore,
          redFlags: assessment.flags,
        },
        select: { id: true, requestHash: true, redFlags: true },
      });
      if (assessment.outcome === "RED_FLAG")
        await raiseRedFlag(tx, user, { checkInId: checkIn.id }, assessment.flags, input.painScore);
      else {
        await audit(tx, {
          clinicId: user.clinicId,
          actorId: user.id,
          patientId: user.patientId,
          action: "check_in.clear",
          entityType: "CheckIn",
          entityId: checkIn.id,
        });
      }
      return checkIn;
    }),
  );
  return { checkInId: record.id, outcome: record.redFlags.length > 0 ? "RED_FLAG" : "CLEAR" } as const;
}

/**
 * The red-flag path, inside the caller's transaction, which holds the patient's lock: store the report (from
 * a check-in, from the pain after a session, or from neither), pause the patient and their current plan, open
 * an URGENT alert, queue its delivery and audit each step.
 */
export async function raiseRedFlag(
  tx: Tx,
  user: PatientUser,
  source: { checkInId?: string; sessionLogId?: string },
  flags: RedFlagCode[],
  painScore: number | null,
) {
  const report = await tx.redFlagReport.create({
    data: { patientId: user.patientId, ...source, flags, painScore },
    select: { id: true },
  });
  // The patient first, then the plan: the guardrail trigger forbids an ACTIVE plan for a paused patient, and a
  // paused plan for an active patient is harmless for the instant in between. A discharged patient stays
  // discharged (there is no plan to pause); their red flag is alerted all the same.
  await tx.patient.updateMany({
    where: { id: user.patientId, status: { not: "DISCHARGED" } },
    data: { status: "PAUSED_RED_FLAG" },
  });
  const paused = await tx.plan.updateMany({
    where: { patientId: user.patientId, status: "ACTIVE" },
    data: { status: "PAUSED", pausedAt: new Date() },
  });
  const alert = await tx.alert.create({
    data: {
      clinicId: user.clinicId,
      patientId: user.patientId,
      severity: "URGENT",
      reason: "RED_FLAG",
      message: redFlagAlertMessage(flags, painScore),
      redFlagReportId: report.id,
    },
    select: { id: true },
  });
  await enqueueAlert(tx, user.clinicId, { alertId: alert.id, patientId: user.patientId, severity: "URGENT" });
  const base = { clinicId: user.clinicId, actorId: user.id, patientId: user.patientId };
  await audit(tx, {
    ...base,
    action: "red_flag.reported",
    entityType: "RedFlagReport",
    entityId: report.id,
    metadata: { flags, painScore },
  });
  await audit(tx, {
    ...base,
    action: "alert.opened",
    entityType: "Alert",
    entityId: alert.id,
    metadata: { severity: "URGENT" },
  });
  if (paused.count > 0)
    await audit(tx, { ...base, action: "plan.paused", entityType: "Plan", metadata: { reason: "red flag" } });
  return report;
}

/** One of the signed-in patient's own check-ins, as its result page shows it; anyone else's is a 404. */
export async function getOwnCheckIn(user: PatientUser, checkInId: string) {
  const id = z.uuid().safeParse(checkInId);
  if (!id.success) notFound();
  const checkIn = await db.checkIn.findFirst({
    where: { id: id.data, patientId: user.patientId },
    select: {
      id: true,
      painScore: true,
      redFlags: true,
      createdAt: true,
      patient: {
        select: {
          status: true,
          clinician: { select: { name: true } },
          clinic: { select: { emergencyNumber: true } },
        },
      },
    },
  });
  if (!checkIn) notFound();
  return { ...checkIn, assessment: assessCheckIn({ flags: checkIn.redFlags, painScore: checkIn.painScore }) };
}

/**
 * What a patient paused by a red flag must see on every page until a doctor clears them: the symptoms of
 * every red flag still waiting, the latest pain score given with them, their clinician, and the clinic's
 * emergency number. Null when no red flag is waiting, or the patient is active again.
 */
export async function getSeekCareAdvice(user: PatientUser) {
  const patient = await db.patient.findFirst({
    where: { id: user.patientId, userId: user.id },
    select: {
      status: true,
      clinic: { select: { emergencyNumber: true } },
      clinician: { select: { name: true } },
      redFlagReports: {
        where: { clearances: { none: { outcome: { in: ["CLEARED", "DISCHARGED"] } } } },
        orderBy: { createdAt: "desc" },
        select: { flags: true, painScore: true },
      },
    },
  });
  if (!patient) notFound();
  // Paused by a red flag, or discharged with a red flag still waiting: either way, the advice comes first.
  if (patient.status === "ACTIVE" || patient.redFlagReports.length === 0) return null;
  const reported = new Set(patient.redFlagReports.flatMap((report) => report.flags));
  const flags = assessCheckIn({ flags: [...reported], painScore: null }).flags;
  return {
    flags,
    painScore: patient.redFlagReports.find((report) => report.painScore !== null)?.painScore ?? null,
    callEmergencyServices: assessCheckIn({ flags, painScore: null }).callEmergencyServices,
    emergencyNumber: patient.clinic.emergencyNumber,
    clinicianName: patient.clinician.name,
  };
}
