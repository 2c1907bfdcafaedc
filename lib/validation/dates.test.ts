import { describe, expect, it } from "vitest";
import { parseAuditQuery } from "./audit";
import { savePlanInputSchema } from "./plan";

// Every date a form or a query string carries is held to years 1900 to 2100: PostgreSQL has no year 0, and
// a start date in year 9999 is a typing slip, not a plan.
const plan = (startDate: string) => ({
  patientId: "4d6f3c1e-8a2b-4c3d-9e8f-0a1b2c3d4e5f",
  planId: null,
  expectedVersion: null,
  intent: "save",
  startDate,
  items: [],
});

describe("dates are bounded to the years 1900 to 2100", () => {
  it.each(["0000-01-01", "0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])(
    "refuses a plan start date of %s with the range in words",
    (startDate) => {
      const parsed = savePlanInputSchema.safeParse(plan(startDate));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        ["startDate", "Give a start date between 1900 and 2100."],
      ]);
    },
  );

  it.each(["1900-01-01", "2026-11-30", "2100-12-31"])("accepts a plan start date of %s", (startDate) => {
    expect(savePlanInputSchema.parse(plan(startDate)).startDate).toBe(startDate);
  });

  it("still refuses a day that is not in the calendar", () => {
    expect(savePlanInputSchema.safeParse(plan("2026-02-30")).success).toBe(false);
  });

  it("ignores an audit filter date outside the range, and names it", () => {
    const parsed = parseAuditQuery({ from: "0000-01-01", to: "2101-01-01" });
    expect(parsed.unreadable.sort()).toEqual(["from date", "to date"]);
    expect(parsed.filters).toEqual({ page: 1 });
    const kept = parseAuditQuery({ from: "1900-01-01", to: "2100-12-31" });
    expect(kept.unreadable).toEqual([]);
    // Kept as days: the data access layer turns them into instants in the reader's time zone.
    expect(kept.filters).toMatchObject({ from: "1900-01-01", to: "2100-12-31" });
  });
});
