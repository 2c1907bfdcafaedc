import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { PatientDetailsInput } from "@/lib/validation/patient-details";
import { audit, recordRefusal } from "./audit";
import type { ClinicianUser } from "./session";

const detailsSelect = {
  dateOfBirth: true,
  phone: true,
  preferredContact: true,
  externalRecordNumber: true,
  referralReason: true,
  emergencyContactName: true,
  emergencyContactRelationship: true,
  emergencyContactPhone: true,
  episodeStartedAt: true,
  dischargedAt: true,
} as const;

type DetailField = Exclude<keyof PatientDetailsInput, "patientId">;

/** The contact and referral details of one patient of the clinician's clinic; 404 for anyone else's. */
export async function getPatientDetails(user: ClinicianUser, patientId: string) {
  const id = z.uuid().safeParse(patientId);
  if (!id.success) notFound();
  const patient = await db.patient.findFirst({
    where: { id: id.data, clinicId: user.clinicId },
    select: { id: true, user: { select: { name: true, email: true } }, ...detailsSelect },
  });
  if (!patient) {
    await recordRefusal(user, "Patient", id.data);
    notFound();
  }
  return {
    ...patient,
    name: patient.user.name,
    email: patient.user.email,
    dateOfBirth: patient.dateOfBirth?.toISOString().slice(0, 10) ?? null,
  };
}

export type PatientDetails = Awaited<ReturnType<typeof getPatientDetails>>;

/**
 * Replaces the patient's details with the form's, all in one statement, and audits which fields changed (by
 * name only: the values are clinical and the admin reads the audit trail).
 */
export async function updatePatientDetails(user: ClinicianUser, input: PatientDetailsInput) {
  const { patientId, dateOfBirth, ...rest } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.patient.findFirst({
      where: { id: patientId, clinicId: user.clinicId },
      select: detailsSelect,
    });
    if (!before) notFound();
    const next = { ...rest, dateOfBirth: dateOfBirth ? new Date(`${dateOfBirth}T00:00:00Z`) : null };
    const changed = (Object.keys(next) as DetailField[]).filter(
      (field) => String(before[field]?.valueOf() ?? "") !== String(next[field]?.valueOf() ?? ""),
    );
    if (changed.length === 0) return;
    await tx.patient.update({ where: { id: patientId }, data: next });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId,
      action: "patient.details_updated",
      entityType: "Patient",
      entityId: patientId,
      metadata: { fields: changed },
    });
  });
}
