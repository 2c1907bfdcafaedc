import { describe, expect, it } from "vitest";
import {
  adherenceByWeek,
  adherenceThisWeek,
  describePainTrend,
  engagement,
  painChange,
  painTrend,
  sessionsPrescribed,
  startOfWeek,
  streakDays,
} from "./progress";

const at = (iso: string) => new Date(iso);
// Wednesday 2026-11-25, 12:00 UTC; the week began on Monday 2026-11-23.
const now = at("2026-11-25T12:00:00Z");

describe("weeks and adherence", () => {
  it("starts weeks on Monday in UTC", () => {
    expect(startOfWeek(now).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(startOfWeek(at("2026-11-29T23:59:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(startOfWeek(at("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("prescribes as many sessions a week as the most frequent exercise", () => {
    expect(sessionsPrescribed([{ timesPerWeek: 3 }, { timesPerWeek: 5 }])).toBe(5);
    expect(sessionsPrescribed([])).toBe(0);
  });

  it.each([
    [[], 3, { done: 0, target: 3, ratio: 0 }],
    [["2026-11-23T00:00:00Z", "2026-11-24T10:00:00Z"], 3, { done: 2, target: 3, ratio: 2 / 3 }],
    [["2026-11-22T23:59:59Z", "2026-11-24T10:00:00Z"], 3, { done: 1, target: 3, ratio: 1 / 3 }],
    [
      ["2026-11-23T08:00:00Z", "2026-11-24T08:00:00Z", "2026-11-25T08:00:00Z", "2026-11-25T09:00:00Z"],
      3,
      { done: 4, target: 3, ratio: 1 },
    ],
    [["2026-11-24T10:00:00Z"], 0, { done: 1, target: 0, ratio: null }],
    [["2026-11-29T23:59:59Z", "2026-11-30T00:00:00Z"], 3, { done: 1, target: 3, ratio: 1 / 3 }],
  ])("sessions %j against %i a week", (dates, target, expected) => {
    expect(adherenceThisWeek(dates.map(at), target, now)).toEqual(expected);
  });

  it("counts each of the last weeks, oldest first", () => {
    const weeks = adherenceByWeek(
      [at("2026-11-10T10:00:00Z"), at("2026-11-24T10:00:00Z"), at("2026-11-25T10:00:00Z")],
      2,
      now,
      3,
    );
    expect(weeks.map((week) => [week.weekStart.toISOString().slice(0, 10), week.done])).toEqual([
      ["2026-11-09", 1],
      ["2026-11-16", 0],
      ["2026-11-23", 2],
    ]);
  });
});

describe("engagement", () => {
  const activated = at("2026-11-01T10:00:00Z");
  it.each([
    ["no active plan", null, null, null],
    ["a session 2 days 23 hours ago", activated, "2026-11-22T13:00:00Z", "ON_TRACK"],
    ["a session exactly 3 days ago", activated, "2026-11-22T12:00:00Z", "INACTIVE"],
    ["a session 13 days ago", activated, "2026-11-12T12:00:00Z", "INACTIVE"],
    ["a session 14 days ago", activated, "2026-11-11T12:00:00Z", "STALLED"],
    ["no session since activation 24 days ago", activated, null, "STALLED"],
    ["no session since activation yesterday", at("2026-11-24T12:00:00Z"), null, "ON_TRACK"],
    ["a session before activation yesterday", at("2026-11-24T12:00:00Z"), "2026-11-01T12:00:00Z", "ON_TRACK"],
  ] as const)("%s: %s", (_label, planActiveSince, last, expected) => {
    expect(engagement({ planActiveSince, lastSessionAt: last ? at(last) : null, now })).toBe(expected);
  });
});

describe("meaningful change", () => {
  it.each([
    [6, 5, "better", 1, false],
    [6, 4, "better", 2, true],
    [3, 2, "better", 1, true], // 33% of the start
    [5, 3.5, "better", 1.5, true], // exactly 30%
    [10, 8, "better", 2, true], // 2 points, only 20%
    [10, 8.5, "better", 1.5, false], // 15%
    [4, 6, "worse", 2, true],
    [5, 5, "same", 0, false],
    [0, 1, "worse", 1, false], // from no pain: 1 point is not a percentage of anything
  ] as const)("from %d to %d is %s by %d, meaningful %s", (from, to, direction, points, meaningful) => {
    expect(painChange(from, to)).toEqual({ from, to, points, direction, meaningful });
  });
});

describe("pain trend and its sentence", () => {
  const log = (day: number, painAfter: number) => ({
    performedAt: at(`2026-11-${String(day).padStart(2, "0")}T10:00:00Z`),
    painBefore: painAfter + 1,
    painAfter,
  });

  it("needs four sessions", () => {
    expect(painTrend([log(1, 5), log(2, 4), log(3, 3)])).toBeNull();
    expect(painTrend([log(1, 5), log(2, 5), log(3, 5), log(4, 3)])).toMatchObject({ from: 5, to: 4.3 });
    expect(describePainTrend(null)).toBe("Log a few more sessions to see how your pain is changing.");
  });

  it("compares the first three sessions with the last three", () => {
    const trend = painTrend([log(4, 3), log(1, 5), log(2, 5), log(3, 5), log(5, 3), log(6, 3)]);
    expect(trend).toMatchObject({ from: 5, to: 3, points: 2, direction: "better", meaningful: true });
    expect(describePainTrend(trend)).toBe(
      "Your pain after sessions has dropped 2 points since you started: a real, meaningful improvement.",
    );
  });

  it("averages three sessions at each end, not the first and last one", () => {
    // First session 6 and last 2 would say 4 points; the averages of three say 5 to 3.
    const painAfter = [6, 4, 5, 9, 4, 3, 2];
    const trend = painTrend(painAfter.map((pain, index) => log(index + 1, pain)).reverse());
    expect(trend).toEqual({ from: 5, to: 3, points: 2, direction: "better", meaningful: true });
  });

  it.each([
    [painChange(4, 3), "Your pain after sessions has dropped 1 point since you started."],
    [painChange(4, 4), "Your pain after sessions is about where it was when you started."],
  ])("describes %j", (trend, sentence) => {
    expect(describePainTrend(trend)).toBe(sentence);
  });

  it("says so when pain rose", () => {
    expect(describePainTrend(painChange(3, 4))).toBe(
      "Your pain after sessions has risen 1 point since you started. Tell your clinician, and take a rest day if exercise aggravates it.",
    );
  });
});

describe("streakDays", () => {
  it.each([
    [[], 0],
    [["2026-11-25T08:00:00Z"], 1],
    [["2026-11-24T08:00:00Z", "2026-11-23T08:00:00Z"], 2],
    [["2026-11-25T08:00:00Z", "2026-11-24T08:00:00Z", "2026-11-22T08:00:00Z"], 2],
    [["2026-11-23T08:00:00Z"], 0],
  ])("%j gives %i", (dates, expected) => {
    expect(streakDays(dates.map(at), now)).toBe(expected);
  });
});
