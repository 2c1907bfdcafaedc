// A plan version's content, frozen when the version is made: what the patient was asked to do, so that a
// session log keeps pointing at the plan as it was even after the plan is revised.

export type PlanItemDose = {
  sets: number | null;
  repetitions: number | null;
  minutes: number | null;
  timesPerWeek: number;
  intensity: "LIGHT" | "MODERATE" | "VIGOROUS";
  note: string | null;
};

export type PlanSnapshotItem = PlanItemDose & { exerciseId: string; name: string; position: number };

export function snapshotItems(
  items: ReadonlyArray<PlanItemDose & { exerciseId: string; position: number; exercise: { name: string } }>,
): PlanSnapshotItem[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map(({ exercise, exerciseId, position, sets, repetitions, minutes, timesPerWeek, intensity, note }) => ({
      exerciseId,
      name: exercise.name,
      position,
      sets,
      repetitions,
      minutes,
      timesPerWeek,
      intensity,
      note,
    }));
}

/** "3 × 10 reps, 5 times a week" or "20 min, 5 times a week": the dose as a patient reads it. */
export function describeDose(
  dose: Pick<PlanItemDose, "sets" | "repetitions" | "minutes" | "timesPerWeek">,
): string {
  const amount = [
    dose.repetitions !== null ? `${dose.sets ?? 1} × ${dose.repetitions} reps` : null,
    dose.minutes !== null ? `${dose.minutes} min` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const often =
    dose.timesPerWeek === 1
      ? "once a week"
      : dose.timesPerWeek === 7
        ? "every day"
        : `${dose.timesPerWeek} times a week`;
  return amount ? `${amount}, ${often}` : often;
}
