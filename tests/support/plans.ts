import { randomUUID } from "node:crypto";
import { savePlan } from "@/lib/dal/plan-writes";
import type { PatientUser } from "@/lib/dal/session";
import { logSession } from "@/lib/dal/session-logs";
import type { SavePlanInput } from "@/lib/validation/plan";
import type { SessionLogInput } from "@/lib/validation/session-log";
import { catalogueExercise, clearCheckIn, createClinic } from "./fixtures";

/** 20 minutes, three times a week, light: a dose every guardrail accepts. */
export const LIGHT_DOSE = {
  sets: null,
  repetitions: null,
  minutes: 20,
  holdSeconds: null,
  restSeconds: null,
  side: "NOT_APPLICABLE" as const,
  timesPerWeek: 3,
  intensity: "LIGHT" as const,
  note: null,
};

/** The input that creates and activates a new plan of these exercises at the light dose. */
export function newPlanInput(
  patientId: string,
  exerciseIds: string[],
  startDate = "2026-12-01",
): SavePlanInput {
  return {
    patientId,
    planId: null,
    expectedVersion: null,
    intent: "activate",
    startDate,
    items: exerciseIds.map((exerciseId) => ({ ...LIGHT_DOSE, exerciseId })),
  };
}

/** A clinic whose patient has an active plan of Walking and Light stretching, through the real write path. */
export async function clinicWithActivePlan() {
  const setup = await createClinic();
  const exerciseIds = [
    (await catalogueExercise("walking")).id,
    (await catalogueExercise("light-stretching")).id,
  ];
  const plan = await savePlan(setup.asClinician, newPlanInput(setup.patient.id, exerciseIds, "2026-11-01"));
  return { ...setup, plan, exerciseIds };
}

/** A session logged as a patient logs one: after a clear check-in of its own. */
export async function checkInAndLog(patient: { id: string; asPatient: PatientUser }, input: SessionLogInput) {
  await clearCheckIn(patient.id);
  return logSession(patient.asPatient, input);
}

/** A session log's input with steady pain at plan version 1, as the log form sends it; `overrides` change it. */
export const sessionInput = (overrides: Partial<SessionLogInput> = {}): SessionLogInput => ({
  idempotencyKey: randomUUID(),
  planVersion: 1,
  exerciseIds: [],
  painBefore: 3,
  painAfter: 3,
  discomfort: "NONE",
  worseOrSpread: false,
  notes: null,
  ...overrides,
});
