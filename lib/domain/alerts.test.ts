import { describe, expect, it } from "vitest";
import { isOverdue } from "./alerts";

const created = new Date("2026-01-01T10:00:00Z");
const at = (minutes: number, seconds = 0) => new Date(created.getTime() + minutes * 60_000 + seconds * 1000);

describe("isOverdue", () => {
  it.each([
    ["URGENT", "OPEN", at(14, 59), false],
    ["URGENT", "OPEN", at(15), true],
    ["URGENT", "ACKNOWLEDGED", at(60), false],
    ["URGENT", "RESOLVED", at(60), false],
    ["WARNING", "OPEN", at(60), false],
  ] as const)("%s %s at %s: %s", (severity, status, now, expected) => {
    expect(isOverdue({ severity, status, createdAt: created }, now)).toBe(expected);
  });
});
