import { describe, expect, it } from "vitest";
import { CLINICIAN_IDLE_MS, TOUCH_EVERY_MS, sessionEnded } from "./session-lifetime";

const signedIn = new Date("2026-01-01T08:00:00Z");
const minutes = (n: number) => new Date(signedIn.getTime() + n * 60_000);
const session = (lastSeenMinutes: number, revoked = false) => ({
  createdAt: signedIn,
  lastSeenAt: minutes(lastSeenMinutes),
  revokedAt: revoked ? minutes(1) : null,
});

describe("sessionEnded", () => {
  it.each([
    ["a clinician idle 29 minutes", "CLINICIAN", session(0), minutes(29), false],
    ["a clinician idle 30 minutes", "CLINICIAN", session(0), minutes(30), true],
    ["an admin idle 30 minutes", "ADMIN", session(0), minutes(30), true],
    ["a patient idle 3 hours", "PATIENT", session(0), minutes(180), false],
    ["an active clinician at 11 h 59 min", "CLINICIAN", session(718), minutes(719), false],
    ["an active clinician at 12 hours", "CLINICIAN", session(719), minutes(720), true],
    ["a patient at 12 hours", "PATIENT", session(719), minutes(720), true],
    ["a revoked session", "PATIENT", session(0, true), minutes(2), true],
  ] as const)("%s: %s", (_label, role, value, now, ended) => {
    expect(sessionEnded(value, role, now)).toBe(ended);
  });
});

describe("recording activity", () => {
  it("writes at most once a minute, far more often than the idle limit", () => {
    expect(TOUCH_EVERY_MS).toBe(60_000);
    expect(TOUCH_EVERY_MS * 10).toBeLessThan(CLINICIAN_IDLE_MS);
  });
});
