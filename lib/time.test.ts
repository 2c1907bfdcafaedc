import { describe, expect, it } from "vitest";
import {
  calendarDay,
  endOfLocalDay,
  formatCalendarDay,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatTime,
  isTimeZone,
  localDay,
  startOfLocalDay,
  timeZoneOf,
  zoneName,
  zoneOf,
} from "./time";

describe("time zones", () => {
  it.each([
    ["Europe/London", true],
    ["America/New_York", true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
    ["+01:00", false],
    ["europe/london", false],
  ])("%s is a time zone: %s", (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });

  it("uses a person's own zone before the clinic's", () => {
    expect(zoneOf({ timeZone: "Asia/Tokyo" }, { timeZone: "Europe/London" })).toBe("Asia/Tokyo");
    expect(zoneOf({ timeZone: null }, { timeZone: "Europe/London" })).toBe("Europe/London");
  });

  it("puts 23:30 in New York on the New York day, though it is the next day in UTC", () => {
    const instant = new Date("2026-11-30T04:30:00Z"); // 23:30 on 29 November in New York (EST, UTC-5)
    expect(localDay(instant, "America/New_York")).toBe("2026-11-29");
    expect(localDay(instant, "UTC")).toBe("2026-11-30");
    expect(formatTime(instant, "America/New_York")).toBe("23:30");
  });

  it("follows daylight saving: the same UTC hour is 01:30 and then 00:30 in London", () => {
    expect(formatTime(new Date("2026-10-24T00:30:00Z"), "Europe/London")).toBe("01:30");
    expect(formatTime(new Date("2026-10-26T00:30:00Z"), "Europe/London")).toBe("00:30");
  });

  it("formats dates and times with the zone named where asked", () => {
    const instant = new Date("2026-11-30T14:05:00Z");
    expect(formatDate(instant, "Europe/London")).toBe("Mon 30 Nov 2026");
    expect(formatDateTime(instant, "Europe/London")).toBe("Mon 30 Nov 2026, 14:05");
    expect(formatDateTime(instant, "America/New_York", { withZone: true })).toBe(
      "Mon 30 Nov 2026, 09:05 EST",
    );
  });

  it("names the zone as it is at that instant, summer or winter", () => {
    expect(zoneName(new Date("2026-10-31T12:00:00Z"), "America/New_York")).toBe("EDT");
    expect(zoneName(new Date("2026-11-02T12:00:00Z"), "America/New_York")).toBe("EST");
    expect(formatDateTime(new Date("2026-11-30T04:30:00Z"), "America/New_York", { withZone: true })).toBe(
      "Sun 29 Nov 2026, 23:30 EST",
    );
  });

  it("labels chart days in the zone", () => {
    expect(formatDayMonth(new Date("2026-11-30T04:30:00Z"), "America/New_York")).toBe("29 Nov");
    expect(formatDayMonth(new Date("2026-11-30T04:30:00Z"), "Europe/London")).toBe("30 Nov");
  });

  it("reads a stored calendar date without any zone", () => {
    const stored = new Date("2026-11-03T00:00:00Z"); // a PostgreSQL date, as Prisma returns it
    expect(calendarDay(stored)).toBe("2026-11-03");
    expect(formatCalendarDay("2026-11-03")).toBe("Tue 3 Nov 2026");
  });

  it("finds where a local day begins and ends, 23 or 25 hours long on daylight-saving days", () => {
    expect(startOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(endOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(startOfLocalDay("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(endOfLocalDay("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(endOfLocalDay("2026-12-31", "Europe/London").toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("shows a signed-in person their effective zone, and London to a test's made-up user", () => {
    expect(timeZoneOf({ timeZone: "America/New_York" })).toBe("America/New_York");
    expect(timeZoneOf({})).toBe("Europe/London");
  });
});
