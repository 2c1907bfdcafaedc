import { describe, expect, it } from "vitest";
import { ownTimeZoneSchema } from "./account";

describe("a person's own time zone from the account form", () => {
  it("takes an IANA zone, and the clinic's choice as null", () => {
    expect(ownTimeZoneSchema.parse({ timeZone: "America/New_York" })).toEqual({
      timeZone: "America/New_York",
    });
    expect(ownTimeZoneSchema.parse({ timeZone: "" })).toEqual({ timeZone: null });
  });

  it.each([["Mars/Olympus_Mons"], ["+01:00"], ["EST5EDT; drop table"]])("refuses %s", (timeZone) => {
    expect(ownTimeZoneSchema.safeParse({ timeZone }).success).toBe(false);
  });

  it("refuses any other field, such as another person's id", () => {
    expect(ownTimeZoneSchema.safeParse({ timeZone: "", userId: "someone" }).success).toBe(false);
  });
});
