import { savePlan } from "@/lib/dal/plan-writes";
import { catalogueExercise, createClinic } from "./fixtures";

/** A clinic whose patient has an active plan of Walking and Light stretching, through the real write path. */
export async function clinicWithActivePlan() {
  const setup = await createClinic();
  const walking = await catalogueExercise("walking");
  const stretching = await catalogueExercise("light-stretching");
  const dose = {
    sets: null,
    repetitions: null,
    minutes: 20,
    timesPerWeek: 3,
    intensity: "LIGHT" as const,
    note: null,
  };
  const plan = await savePlan(setup.asClinician, {
    patientId: setup.patient.id,
    planId: null,
    expectedVersion: null,
    intent: "activate",
    startDate: "2026-11-01",
    items: [
      { ...dose, exerciseId: walking.id },
      { ...dose, exerciseId: stretching.id },
    ],
  });
  return { ...setup, plan, exerciseIds: [walking.id, stretching.id] };
}
