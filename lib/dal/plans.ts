import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { listExercises } from "./exercises";
import type { ClinicianUser } from "./session";

const currentPlanSelect = {
  id: true,
  status: true,
  version: true,
  startDate: true,
  activatedAt: true,
  patientSeenVersion: true,
  createdBy: { select: { name: true } },
  items: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      sets: true,
      repetitions: true,
      minutes: true,
      timesPerWeek: true,
      intensity: true,
      note: true,
      exercise: { select: { id: true, name: true, summary: true, instructions: true, formCues: true } },
    },
  },
} as const;

/**
 * The plan a patient is following now (ACTIVE, or PAUSED after a red flag), or null. Callers pass a
 * patient id they have already authorized.
 */
export async function findCurrentPlan(authorizedPatientId: string) {
  return db.plan.findFirst({
    where: { patientId: authorizedPatientId, status: { in: ["ACTIVE", "PAUSED"] } },
    orderBy: { createdAt: "desc" },
    select: currentPlanSelect,
  });
}

export type CurrentPlan = NonNullable<Awaited<ReturnType<typeof findCurrentPlan>>>;

/** Everything the plan builder needs for one patient of the clinician's clinic; 404 for anyone else's. */
export async function getPlanBuilder(user: ClinicianUser, patientId: string) {
  const id = z.uuid().safeParse(patientId);
  if (!id.success) notFound();
  const patient = await db.patient.findFirst({
    where: { id: id.data, clinicId: user.clinicId },
    select: { id: true, status: true, user: { select: { name: true } } },
  });
  if (!patient) notFound();
  const [plan, exercises, openUrgentAlerts] = await Promise.all([
    db.plan.findFirst({
      where: { patientId: patient.id, status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        status: true,
        version: true,
        startDate: true,
        items: {
          orderBy: { position: "asc" },
          select: {
            exerciseId: true,
            sets: true,
            repetitions: true,
            minutes: true,
            timesPerWeek: true,
            intensity: true,
            note: true,
          },
        },
      },
    }),
    listExercises(user),
    db.alert.count({ where: { patientId: patient.id, severity: "URGENT", status: { not: "RESOLVED" } } }),
  ]);
  return {
    patient: {
      id: patient.id,
      name: patient.user.name,
      status: patient.status,
      hasOpenUrgentAlert: openUrgentAlerts > 0,
    },
    plan: plan && { ...plan, startDate: plan.startDate.toISOString().slice(0, 10) },
    exercises,
  };
}

export type PlanBuilderData = Awaited<ReturnType<typeof getPlanBuilder>>;

/** The versions of a plan, newest first, with who made each and what changed. */
export async function listPlanVersions(authorizedPlanId: string) {
  return db.planVersion.findMany({
    where: { planId: authorizedPlanId },
    orderBy: { version: "desc" },
    select: {
      version: true,
      status: true,
      summary: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}
