// A plan version's content, frozen when the version is made: what the patient was asked to do, so that a
// session log keeps pointing at the plan as it was even after the plan is revised.
import type { Side } from "./dose-limits";

export type PlanItemDose = {
  sets: number | null;
  repetitions: number | null;
  minutes: number | null;
  holdSeconds: number | null;
  restSeconds: number | null;
  side: Side;
  timesPerWeek: number;
  intensity: "LIGHT" | "MODERATE" | "VIGOROUS";
  note: string | null;
};

export type PlanSnapshotItem = PlanItemDose & { exerciseId: string; name: string; position: number };

/** Items written before hold, rest and side existed may lack them: no hold, no rest, no side. */
type SnapshotSource = Omit<PlanItemDose, "holdSeconds" | "restSeconds" | "side"> &
  Partial<Pick<PlanItemDose, "holdSeconds" | "restSeconds" | "side">> & {
    exerciseId: string;
    position: number;
    exercise: { name: string };
  };

export function snapshotItems(items: ReadonlyArray<SnapshotSource>): PlanSnapshotItem[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      exerciseId: item.exerciseId,
      name: item.exercise.name,
      position: item.position,
      sets: item.sets,
      repetitions: item.repetitions,
      minutes: item.minutes,
      holdSeconds: item.holdSeconds ?? null,
      restSeconds: item.restSeconds ?? null,
      side: item.side ?? "NOT_APPLICABLE",
      timesPerWeek: item.timesPerWeek,
      intensity: item.intensity,
      note: item.note,
    }));
}

const SIDE_WORDS: Record<Side, string | null> = {
  NOT_APPLICABLE: null,
  BOTH: "both sides",
  LEFT: "left side",
  RIGHT: "right side",
};

/**
 * "3 × 10 reps, hold 5 seconds, rest 30 seconds, left side, 5 times a week" or "20 min, 5 times a week": the
 * dose as a patient reads it. Snapshots saved before hold, rest and side existed lack them; they read as unset.
 */
export function describeDose(
  dose: Pick<PlanItemDose, "sets" | "repetitions" | "minutes" | "timesPerWeek"> &
    Partial<Pick<PlanItemDose, "holdSeconds" | "restSeconds" | "side">>,
): string {
  const seconds = (n: number) => (n === 1 ? "1 second" : `${n} seconds`);
  const amount = [
    dose.repetitions !== null ? `${dose.sets ?? 1} × ${dose.repetitions} reps` : null,
    dose.minutes !== null ? `${dose.minutes} min` : null,
    dose.holdSeconds != null ? `hold ${seconds(dose.holdSeconds)}` : null,
    dose.restSeconds != null ? `rest ${seconds(dose.restSeconds)}` : null,
    dose.side ? SIDE_WORDS[dose.side] : null,
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
