import { describe, expect, it } from "vitest";
import { localDay, startOfLocalDay } from "@/lib/time";
import {
  addDays,
  adherenceSince,
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
const today = "2026-11-25";
const daysOf = (instants: string[], zone: string) => instants.map((iso) => localDay(at(iso), zone));

describe("local days and weeks", () => {
  it("starts weeks on Monday", () => {
    expect(startOfWeek("2026-11-25")).toBe("2026-11-23");
    expect(startOfWeek("2026-11-29")).toBe("2026-11-23");
    expect(startOfWeek("2026-11-30")).toBe("2026-11-30");
    expect(startOfWeek("2026-11-01")).toBe("2026-10-26"); // a Sunday, the day New York leaves daylight saving
  });

  it("adds calendar days across a daylight-saving change and a month's end", () => {
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("prescribes as many sessions a week as the most frequent exercise", () => {
    expect(sessionsPrescribed([{ timesPerWeek: 3 }, { timesPerWeek: 5 }])).toBe(5);
    expect(sessionsPrescribed([])).toBe(0);
  });
});

describe("adherence by local day", () => {
  it.each([
    [[], 3, { done: 0, target: 3, ratio: 0 }],
    [["2026-11-23", "2026-11-24"], 3, { done: 2, target: 3, ratio: 2 / 3 }],
    [["2026-11-22", "2026-11-24"], 3, { done: 1, target: 3, ratio: 1 / 3 }],
    // Two sessions on one day are one day with a session.
    [["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-25"], 3, { done: 3, target: 3, ratio: 1 }],
    [["2026-11-24"], 0, { done: 1, target: 0, ratio: null }],
  ])("days %j against %i a week, this week", (sessionDays, perWeek, expected) => {
    expect(adherenceThisWeek({ sessionDays, startDay: "2026-11-01", today, perWeek })).toEqual(expected);
  });

  it("counts nothing due before the plan's start, and a smaller first week", () => {
    // Started on Thursday 19 November: 4 of that week's 7 days, so 2 of the 3 a week (rounded).
    const adherence = adherenceSince({
      sessionDays: ["2026-11-17", "2026-11-19", "2026-11-21", "2026-11-23"],
      startDay: "2026-11-19",
      today,
      perWeek: 3,
    });
    expect(adherence.weeks).toEqual([
      { weekStart: "2026-11-16", done: 2, target: 2, ratio: 1 },
      { weekStart: "2026-11-23", done: 1, target: 3, ratio: 1 / 3 },
    ]);
    // Due: the whole first week (2), and this week what is due by Wednesday: 3 × 3/7, rounded down, 1.
    expect(adherence).toMatchObject({ done: 3, due: 3, percent: 100 });
  });

  it("never counts this week's sessions against it before they are due, nor more than the target", () => {
    const early = adherenceSince({
      sessionDays: ["2026-11-23", "2026-11-24", "2026-11-25"],
      startDay: "2026-11-23",
      today: "2026-11-23",
      perWeek: 2,
    });
    expect(early).toMatchObject({ done: 1, due: 1, percent: 100 });
    const nothingYet = adherenceSince({
      sessionDays: [],
      startDay: "2026-11-23",
      today: "2026-11-23",
      perWeek: 2,
    });
    expect(nothingYet).toMatchObject({ done: 0, due: 0, percent: null });
    const future = adherenceThisWeek({ sessionDays: [], startDay: "2026-12-07", today, perWeek: 3 });
    expect(future).toEqual({ done: 0, target: 0, ratio: null });
  });

  it("puts a 23:30 session in New York on its local day across the November daylight-saving change", () => {
    // New York leaves daylight saving at 02:00 on Sunday 1 November 2026 (UTC-4, then UTC-5).
    const zone = "America/New_York";
    const sessions = [
      "2026-10-31T03:30:00Z", // Friday 30 October, 23:30 EDT
      "2026-11-01T03:30:00Z", // Saturday 31 October, 23:30 EDT
      "2026-11-02T04:30:00Z", // Sunday 1 November, 23:30 EST
      "2026-11-03T04:30:00Z", // Monday 2 November, 23:30 EST
    ];
    const sessionDays = daysOf(sessions, zone);
    expect(sessionDays).toEqual(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
    const adherence = adherenceSince({
      sessionDays,
      startDay: "2026-10-26",
      today: "2026-11-03",
      perWeek: 3,
    });
    expect(adherence.weeks.map((week) => [week.weekStart, week.done])).toEqual([
      ["2026-10-26", 3],
      ["2026-11-02", 1],
    ]);
    // Counted in UTC days instead, the Sunday session would fall on Monday and leave the first week at 2.
    expect(daysOf(sessions, "UTC")).toEqual(["2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(streakDays(sessionDays, "2026-11-03")).toBe(4);
  });

  it("keeps London's late-October sessions on their days when the clocks go back", () => {
    // London leaves summer time at 02:00 on Sunday 25 October 2026 (UTC+1, then UTC+0).
    const zone = "Europe/London";
    const sessions = [
      "2026-10-24T23:30:00Z", // Sunday 25 October, 00:30 BST: already Sunday in London
      "2026-10-25T23:30:00Z", // Sunday 25 October, 23:30 GMT
      "2026-10-26T00:30:00Z", // Monday 26 October, 00:30 GMT
    ];
    const sessionDays = daysOf(sessions, zone);
    expect(sessionDays).toEqual(["2026-10-25", "2026-10-25", "2026-10-26"]);
    const adherence = adherenceSince({
      sessionDays,
      startDay: "2026-10-19",
      today: "2026-10-26",
      perWeek: 2,
    });
    expect(adherence.weeks.map((week) => [week.weekStart, week.done, week.target])).toEqual([
      ["2026-10-19", 1, 2],
      ["2026-10-26", 1, 2],
    ]);
    expect(streakDays(sessionDays, "2026-10-26")).toBe(2);
  });

  it("counts a session at 23:30 in New York on that day, not the next, this week", () => {
    // Sunday 29 November, 23:30 EST is Monday 30 November 04:30 UTC, in the next week in UTC.
    const sessionDays = daysOf(["2026-11-30T04:30:00Z"], "America/New_York");
    expect(
      adherenceThisWeek({ sessionDays, startDay: "2026-11-01", today: "2026-11-29", perWeek: 3 }),
    ).toEqual({ done: 1, target: 3, ratio: 1 / 3 });
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

  it("counts from the patient's creation, not from a plan made for them earlier", () => {
    // A plan activated three weeks ago for a patient record added minutes ago (moved in from another list).
    const input = { planActiveSince: activated, lastSessionAt: null, now };
    expect(engagement(input)).toBe("STALLED");
    expect(engagement({ ...input, patientCreatedAt: at("2026-11-25T11:55:00Z") })).toBe("ON_TRACK");
  });

  it("counts from the plan's first day, so a plan that starts next week is not inactive", () => {
    const input = { planActiveSince: activated, lastSessionAt: null, now };
    const planStartsAt = startOfLocalDay("2026-12-01", "America/New_York");
    expect(engagement({ ...input, planStartsAt })).toBe("ON_TRACK");
    expect(engagement({ ...input, planStartsAt: startOfLocalDay("2026-11-20", "Europe/London") })).toBe(
      "INACTIVE",
    );
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
    [["2026-11-25"], 1],
    [["2026-11-24", "2026-11-23"], 2],
    [["2026-11-25", "2026-11-24", "2026-11-22"], 2],
    [["2026-11-23"], 0],
    [["2026-11-28", "2026-11-30", "2026-12-01"], 0],
  ])("%j gives %i", (days, expected) => {
    expect(streakDays(days, today)).toBe(expected);
  });

  it("runs across a month's end", () => {
    expect(streakDays(["2026-11-30", "2026-12-01"], "2026-12-01")).toBe(2);
  });
});
