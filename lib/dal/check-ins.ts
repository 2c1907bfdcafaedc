import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { assessCheckIn, redFlagLabel } from "@/lib/domain/red-flags";
import type { CheckInInput } from "@/lib/validation/check-in";
import { audit } from "./audit";
import { once, requestHash } from "./idempotency";
import { enqueueAlert } from "./outbox";
import type { PatientUser } from "./session";

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
 * stores one check-in and returns the same one.
 */
export async function submitCheckIn(user: PatientUser, input: CheckInInput) {
  const assessment = assessCheckIn({ flags: input.redFlags, painScore: input.painScore });
  const hash = requestHash({ redFlags: [...input.redFlags].sort(), painScore: input.painScore });
  const find = () =>
    db.checkIn.findUnique({
      where: {
        patientId_idempotencyKey: { patientId: user.patientId, idempotencyKey: input.idempotencyKey },
      },
      select: { id: true, requestHash: true },
    });

  const { record } = await once(hash, find, () =>
    db.$transaction(async (tx) => {
      const checkIn = await tx.checkIn.create({
        data: {
          patientId: user.patientId,
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          painScore: input.painScore,
          redFlags: assessment.flags,
        },
        select: { id: true, requestHash: true },
      });
      const patient = await lockPatient(tx, user);
      if (patient.status === "DISCHARGED" && assessment.outcome === "CLEAR") {
        throw new DomainError(
          "DISCHARGED",
          "You have been discharged, so there is no session to check in for.",
        );
      }
      if (assessment.outcome === "RED_FLAG")
        await raiseRedFlag(tx, user, checkIn.id, assessment.flags, input.painScore);
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
  return { checkInId: record.id, outcome: assessment.outcome };
}

async function raiseRedFlag(
  tx: Tx,
  user: PatientUser,
  checkInId: string,
  flags: ReturnType<typeof assessCheckIn>["flags"],
  painScore: number,
) {
  const report = await tx.redFlagReport.create({
    data: { patientId: user.patientId, checkInId, flags, painScore },
    select: { id: true },
  });
  // The patient first, then the plan: the guardrail trigger forbids an ACTIVE plan for a paused patient, and a
  // paused plan for an active patient is harmless for the instant in between.
  await tx.patient.update({ where: { id: user.patientId }, data: { status: "PAUSED_RED_FLAG" } });
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
      message: `Red flag reported: ${flags.map(redFlagLabel).join(", ")} (pain ${painScore}/10).`,
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
      patient: { select: { status: true, clinician: { select: { name: true } } } },
    },
  });
  if (!checkIn) notFound();
  return { ...checkIn, assessment: assessCheckIn({ flags: checkIn.redFlags, painScore: checkIn.painScore }) };
}
