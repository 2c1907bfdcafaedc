import { describe, expect, it } from "vitest";
import { CHECK_IN_VALID_HOURS, coversSession, freshCheckInSince } from "./check-in-window";

const now = new Date("2026-11-29T12:00:00.000Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("the check-in that covers a session", () => {
  it.each([
    [0, true],
    [119, true],
    [120, true],
    [121, false],
    [-1, false],
  ])("a check-in %i minutes before the session covers it: %s", (minutes, covers) => {
    expect(coversSession(minutesAgo(minutes), now)).toBe(covers);
  });

  it("looks back exactly the window", () => {
    expect(CHECK_IN_VALID_HOURS).toBe(2);
    expect(freshCheckInSince(now)).toEqual(minutesAgo(120));
  });
});
