import "server-only";
import { db } from "@/lib/db";

const currentPlanSelect = {
  id: true,
  status: true,
  version: true,
  startDate: true,
  activatedAt: true,
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
