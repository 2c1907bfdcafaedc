import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { audit } from "./audit";
import { currentPlanSelect } from "./plans";
import type { ClinicianUser } from "./session";

/**
 * The plans of earlier episodes (and any plan completed in this one), newest first, with their items and
 * versions: the read-only history a discharged or re-admitted patient's page keeps showing.
 * `authorizedPatientId` comes from getClinicPatient; the clinic is repeated in the where all the same.
 */
export async function listPastPlans(user: ClinicianUser, authorizedPatientId: string) {
  return db.plan.findMany({
    where: { patientId: authorizedPatientId, patient: { clinicId: user.clinicId }, status: "COMPLETED" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      version: true,
      startDate: true,
      activatedAt: true,
      updatedAt: true,
      items: currentPlanSelect.items,
      versions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          status: true,
          summary: true,
          createdAt: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
}

/**
 * Re-admits a discharged patient for a new episode of care. Earlier plans stay completed (history); any plan
 * a red-flag discharge left open is completed too, so the new episode starts with a new plan from the builder.
 * A red flag still awaiting a doctor's clearance keeps the patient paused: re-admission is not a clearance.
 */
export async function readmitPatient(user: ClinicianUser, patientId: string) {
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({
      where: { id: patientId, clinicId: user.clinicId },
      select: { id: true },
    });
    if (!patient) notFound();
    // The same row lock plan writes and red flags take, so that no red flag slips in between read and write.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`
      select status::text from patient where id = ${patient.id}::uuid for update`;
    if (locked?.status !== "DISCHARGED")
      throw new DomainError("NOT_DISCHARGED", "Only a discharged patient can be re-admitted.");
    const waiting = await tx.redFlagReport.count({
      where: { patientId: patient.id, clearances: { none: { outcome: { in: ["CLEARED", "DISCHARGED"] } } } },
    });
    const status = waiting > 0 ? "PAUSED_RED_FLAG" : "ACTIVE";
    await tx.plan.updateMany({
      where: { patientId: patient.id, status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } },
      data: { status: "COMPLETED" },
    });
    await tx.patient.update({
      where: { id: patient.id },
      data: { status, dischargedAt: null, episodeStartedAt: new Date() },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: patient.id,
      action: "patient.readmitted",
      entityType: "Patient",
      entityId: patient.id,
    });
    return { status };
  });
}
