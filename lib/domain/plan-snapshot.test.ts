import { describe, expect, it } from "vitest";
import { describeDose, snapshotItems } from "./plan-snapshot";

describe("describeDose", () => {
  it.each([
    [{ sets: 3, repetitions: 10, minutes: null, timesPerWeek: 3 }, "3 × 10 reps, 3 times a week"],
    [{ sets: null, repetitions: 8, minutes: null, timesPerWeek: 1 }, "1 × 8 reps, once a week"],
    [{ sets: null, repetitions: null, minutes: 20, timesPerWeek: 7 }, "20 min, every day"],
    [{ sets: 2, repetitions: 5, minutes: 10, timesPerWeek: 5 }, "2 × 5 reps, 10 min, 5 times a week"],
    [
      {
        sets: 3,
        repetitions: 8,
        minutes: null,
        timesPerWeek: 4,
        holdSeconds: 5,
        restSeconds: 30,
        side: "LEFT" as const,
      },
      "3 × 8 reps, hold 5 seconds, rest 30 seconds, left side, 4 times a week",
    ],
    [
      {
        sets: 1,
        repetitions: 6,
        minutes: null,
        timesPerWeek: 3,
        holdSeconds: 1,
        restSeconds: 0,
        side: "BOTH" as const,
      },
      "1 × 6 reps, hold 1 second, rest 0 seconds, both sides, 3 times a week",
    ],
    [
      {
        sets: null,
        repetitions: null,
        minutes: 20,
        timesPerWeek: 3,
        holdSeconds: null,
        restSeconds: null,
        side: "NOT_APPLICABLE" as const,
      },
      "20 min, 3 times a week",
    ],
  ])("describes %j as %s", (dose, text) => {
    expect(describeDose(dose)).toBe(text);
  });
});

describe("snapshotItems", () => {
  it("orders items by position and keeps the exercise name", () => {
    const dose = {
      sets: null,
      repetitions: null,
      minutes: 10,
      holdSeconds: null,
      restSeconds: null,
      side: "NOT_APPLICABLE" as const,
      timesPerWeek: 3,
      intensity: "LIGHT" as const,
      note: null,
    };
    const snapshot = snapshotItems([
      { ...dose, exerciseId: "b", position: 2, exercise: { name: "Swimming" } },
      { ...dose, exerciseId: "a", position: 1, exercise: { name: "Walking" } },
    ]);
    expect(snapshot.map((item) => [item.position, item.name])).toEqual([
      [1, "Walking"],
      [2, "Swimming"],
    ]);
    expect(snapshot[0]).not.toHaveProperty("exercise");
  });
});
