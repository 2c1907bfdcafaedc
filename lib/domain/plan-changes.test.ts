import { describe, expect, it } from "vitest";
import { describePlanChanges } from "./plan-changes";
import type { PlanSnapshotItem } from "./plan-snapshot";

const item = (name: string, position: number, dose: Partial<PlanSnapshotItem> = {}): PlanSnapshotItem => ({
  exerciseId: name.toLowerCase(),
  name,
  position,
  sets: null,
  repetitions: null,
  minutes: 20,
  holdSeconds: null,
  restSeconds: null,
  side: "NOT_APPLICABLE",
  timesPerWeek: 3,
  intensity: "LIGHT",
  note: null,
  ...dose,
});

describe("describePlanChanges", () => {
  it("says nothing when nothing changed", () => {
    const plan = [item("Walking", 1), item("Swimming", 2)];
    expect(describePlanChanges(plan, structuredClone(plan))).toEqual([]);
  });

  it("names added and removed exercises", () => {
    expect(
      describePlanChanges(
        [item("Walking", 1), item("Swimming", 2)],
        [item("Walking", 1), item("Light yoga", 2)],
      ),
    ).toEqual(["Added Light yoga: 20 min, 3 times a week.", "Removed Swimming."]);
  });

  it("describes a dose change with the old and new dose", () => {
    expect(
      describePlanChanges([item("Walking", 1)], [item("Walking", 1, { minutes: 30, timesPerWeek: 5 })]),
    ).toEqual(["Walking: now 30 min, 5 times a week (was 20 min, 3 times a week)."]);
  });

  it("describes a change of hold, rest or side as a dose change", () => {
    expect(
      describePlanChanges(
        [item("Bridge", 1, { sets: 2, repetitions: 8, minutes: null })],
        [
          item("Bridge", 1, {
            sets: 2,
            repetitions: 8,
            minutes: null,
            holdSeconds: 5,
            restSeconds: 30,
            side: "BOTH",
          }),
        ],
      ),
    ).toEqual([
      "Bridge: now 2 × 8 reps, hold 5 seconds, rest 30 seconds, both sides, 3 times a week (was 2 × 8 reps, 3 times a week).",
    ]);
    expect(
      describePlanChanges([item("Bridge", 1, { side: "LEFT" })], [item("Bridge", 1, { side: "RIGHT" })]),
    ).toEqual(["Bridge: now 20 min, right side, 3 times a week (was 20 min, left side, 3 times a week)."]);
  });

  it("mentions a new or removed note without repeating it", () => {
    expect(describePlanChanges([item("Walking", 1)], [item("Walking", 1, { note: "Flat ground" })])).toEqual([
      "Walking: new note from your clinician.",
    ]);
    expect(describePlanChanges([item("Walking", 1, { note: "Flat ground" })], [item("Walking", 1)])).toEqual([
      "Walking: note removed.",
    ]);
  });

  it("notices a change of order", () => {
    expect(
      describePlanChanges(
        [item("Walking", 1), item("Swimming", 2)],
        [item("Swimming", 1), item("Walking", 2)],
      ),
    ).toEqual(["The order of the exercises changed."]);
  });
});
