import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { PlanStart } from "@/lib/validation/template";
import { listExercises } from "./exercises";
import type { ClinicianUser } from "./session";
import { templateItemSelect, templateItems } from "./templates";

export const currentPlanSelect = {
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
      holdSeconds: true,
      restSeconds: true,
      side: true,
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

/**
 * Everything the plan builder needs for one patient of the clinician's clinic; 404 for anyone else's. With
 * `start`, the builder opens with the items of a clinic template or of another patient's current plan; a
 * template or patient outside the clinic is a 404 like any other.
 */
export async function getPlanBuilder(user: ClinicianUser, patientId: string, start: PlanStart = {}) {
  const id = z.uuid().safeParse(patientId);
  if (!id.success) notFound();
  const patient = await db.patient.findFirst({
    where: { id: id.data, clinicId: user.clinicId },
    select: { id: true, status: true, user: { select: { name: true } } },
  });
  if (!patient) notFound();
  const [plan, openUrgentAlerts] = await Promise.all([
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
          select: templateItemSelect,
        },
      },
    }),
    db.alert.count({ where: { patientId: patient.id, severity: "URGENT", status: { not: "RESOLVED" } } }),
  ]);
  // The catalogue, with the retired exercises this plan already holds (it keeps them; none can be added).
  const exercises = await listExercises(
    user,
    {},
    plan?.items.map((item) => item.exerciseId),
  );
  const [templates, copySources, startingPoint] = await Promise.all([
    db.planTemplate.findMany({
      where: { clinicId: user.clinicId, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.patient.findMany({
      where: {
        clinicId: user.clinicId,
        id: { not: patient.id },
        plans: { some: { status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } } },
      },
      orderBy: { user: { name: "asc" } },
      take: 200,
      select: { id: true, user: { select: { name: true } } },
    }),
    startingItems(user, start),
  ]);
  // An item whose exercise is no longer in the catalogue cannot be offered; the builder says how many were left.
  const offered = new Set(exercises.map((exercise) => exercise.id));
  const started = startingPoint && {
    ...startingPoint,
    items: startingPoint.items.filter((item) => offered.has(item.exerciseId)),
    left: startingPoint.items.filter((item) => !offered.has(item.exerciseId)).length,
  };
  return {
    templates,
    copySources: copySources.map((source) => ({ id: source.id, name: source.user.name })),
    start: started,
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

async function startingItems(user: ClinicianUser, start: PlanStart) {
  if (start.template) {
    const template = await templateItems(user, start.template);
    return { from: `the template ${template.name}`, items: template.items };
  }
  if (start.copyFrom) {
    const source = await db.patient.findFirst({
      where: { id: start.copyFrom, clinicId: user.clinicId },
      select: {
        user: { select: { name: true } },
        plans: {
          where: { status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { items: { orderBy: { position: "asc" }, select: templateItemSelect } },
        },
      },
    });
    if (!source) notFound();
    return { from: `${source.user.name}'s plan`, items: source.plans[0]?.items ?? [] };
  }
  return null;
}

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
