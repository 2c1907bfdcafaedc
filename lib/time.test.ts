import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime, isTimeZone, localDay, zoneOf } from "./time";

describe("time zones", () => {
  it.each([
    ["Europe/London", true],
    ["America/New_York", true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
    ["+01:00", false],
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
});
