import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { audit } from "./audit";
import type { ClinicianUser } from "./session";

/** The clinicians of the user's clinic, for reassigning a patient. */
export async function listClinicClinicians(user: ClinicianUser) {
  return db.user.findMany({
    where: { clinicId: user.clinicId, role: "CLINICIAN", disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * Discharges a patient: no more logging, and their current plan is completed. The plan, its versions and the
 * logs stay, read-only on the patient's page, as the history of the episode; re-admission (episodes.ts)
 * starts a new one.
 */
export async function dischargePatient(user: ClinicianUser, patientId: string) {
  await db.$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { id: patientId, clinicId: user.clinicId },
      select: { id: true, status: true },
    });
    if (!patient) notFound();
    if (patient.status === "DISCHARGED")
      throw new DomainError("ALREADY_DISCHARGED", "This patient is already discharged.");
    if (patient.status === "PAUSED_RED_FLAG") {
      throw new DomainError(
        "PAUSED",
        "This patient has an unresolved red flag. Record the doctor's clearance before discharging.",
      );
    }
    await tx.patient.update({
      where: { id: patient.id },
      data: { status: "DISCHARGED", dischargedAt: new Date() },
    });
    await tx.plan.updateMany({
      where: { patientId: patient.id, status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } },
      data: { status: "COMPLETED" },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: patient.id,
      action: "patient.discharged",
      entityType: "Patient",
      entityId: patient.id,
    });
  });
}

/** Hands a patient over to another clinician of the same clinic. */
export async function reassignPatient(user: ClinicianUser, patientId: string, clinicianId: string) {
  await db.$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { id: patientId, clinicId: user.clinicId },
      select: { id: true, clinicianId: true },
    });
    if (!patient) notFound();
    const clinician = await tx.user.findFirst({
      where: { id: clinicianId, clinicId: user.clinicId, role: "CLINICIAN", disabledAt: null },
      select: { id: true, name: true },
    });
    if (!clinician) throw new DomainError("UNKNOWN_CLINICIAN", "Choose a clinician of your clinic.");
    if (clinician.id === patient.clinicianId)
      throw new DomainError("SAME_CLINICIAN", `${clinician.name} is already this patient's clinician.`);
    await tx.patient.update({ where: { id: patient.id }, data: { clinicianId: clinician.id } });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: patient.id,
      action: "patient.reassigned",
      entityType: "Patient",
      entityId: patient.id,
      metadata: { from: patient.clinicianId, to: clinician.id },
    });
  });
}
