import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { audit, recordRefusal } from "./audit";
import { findCurrentPlan, listPlanVersions } from "./plans";
import type { ClinicianUser, PatientUser } from "./session";

const patientIdSchema = z.uuid();

/**
 * One patient of the clinician's clinic with their current plan. A patient of another clinic, an unknown id
 * and a malformed id all look the same: 404.
 */
export async function getClinicPatient(user: ClinicianUser, patientId: string) {
  const id = patientIdSchema.safeParse(patientId);
  if (!id.success) notFound();
  const patient = await db.patient.findFirst({
    where: { id: id.data, clinicId: user.clinicId },
    select: {
      id: true,
      status: true,
      user: { select: { name: true, email: true } },
      clinician: { select: { id: true, name: true } },
      clinic: { select: { emergencyNumber: true } },
    },
  });
  if (!patient) {
    await recordRefusal(user, "Patient", id.data);
    notFound();
  }
  await db.$transaction((tx) =>
    audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: patient.id,
      action: "patient.record_viewed",
      entityType: "Patient",
      entityId: patient.id,
    }),
  );
  const plan = await findCurrentPlan(patient.id);
  const draft = await db.plan.findFirst({
    where: { patientId: patient.id, status: "DRAFT" },
    select: { id: true, version: true, updatedAt: true },
  });
  const planId = plan?.id ?? draft?.id;
  const versions = planId ? await listPlanVersions(planId) : [];
  return {
    draft,
    versions,
    id: patient.id,
    name: patient.user.name,
    email: patient.user.email,
    status: patient.status,
    clinicianName: patient.clinician.name,
    clinicianId: patient.clinician.id,
    emergencyNumber: patient.clinic.emergencyNumber,
    plan,
  };
}

/** The signed-in patient's own profile and current plan. */
export async function getOwnPlan(user: PatientUser) {
  const patient = await db.patient.findFirst({
    where: { id: user.patientId, userId: user.id },
    select: {
      id: true,
      status: true,
      clinician: { select: { name: true } },
      clinic: { select: { emergencyNumber: true } },
    },
  });
  if (!patient) notFound();
  const plan = await findCurrentPlan(patient.id);
  // The versions the patient was given (drafts never reach them): their count is the version number the
  // patient reads, the first active plan being their version 1; those newer than the version they
  // acknowledged say what changed.
  const given = plan
    ? await db.planVersion.findMany({
        where: { planId: plan.id, status: { not: "DRAFT" } },
        orderBy: { version: "asc" },
        select: { version: true, summary: true, createdAt: true },
      })
    : [];
  const unseenChanges = given.filter((version) => version.version > (plan?.patientSeenVersion ?? 0));
  return {
    status: patient.status,
    clinicianName: patient.clinician.name,
    emergencyNumber: patient.clinic.emergencyNumber,
    plan: plan && { ...plan, patientVersion: Math.max(given.length, 1) },
    unseenChanges,
  };
}

/** Records that the patient has seen their plan up to `version`; never moves the mark backwards. */
export async function acknowledgePlan(user: PatientUser, input: { planId: string; version: number }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.plan.updateMany({
      where: {
        id: input.planId,
        patientId: user.patientId,
        version: { gte: input.version },
        OR: [{ patientSeenVersion: null }, { patientSeenVersion: { lt: input.version } }],
      },
      data: { patientSeenVersion: input.version },
    });
    if (count === 0) {
      // Already acknowledged is fine (a double click); a plan that is not this patient's is a 404.
      const own = await tx.plan.findFirst({
        where: { id: input.planId, patientId: user.patientId },
        select: { id: true },
      });
      if (!own) notFound();
      return;
    }
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      patientId: user.patientId,
      action: "plan.seen_by_patient",
      entityType: "Plan",
      entityId: input.planId,
      metadata: { version: input.version },
    });
  });
}
