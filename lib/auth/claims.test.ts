import { describe, expect, it } from "vitest";
import { sessionClaimsSchema } from "./claims";

const claims = {
  id: "7d8f4a52-2b8e-4c1b-9a53-0f3f7d1e2a10",
  role: "CLINICIAN",
  clinicId: "1c2b3a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  sessionVersion: 1,
  sid: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
};

describe("session claims", () => {
  it.each([
    ["a clinician", claims, true],
    ["a patient", { ...claims, role: "PATIENT" }, true],
    ["an admin", { ...claims, role: "ADMIN" }, true],
    ["an unknown role", { ...claims, role: "SUPERUSER" }, false],
    ["no role", { ...claims, role: undefined }, false],
    ["no session id (a cookie from an older release)", { ...claims, sid: undefined }, false],
    ["a session version of 0", { ...claims, sessionVersion: 0 }, false],
    ["a clinic id that is not a uuid", { ...claims, clinicId: "clinic-1" }, false],
  ])("%s: accepted %s", (_label, value, accepted) => {
    expect(sessionClaimsSchema.safeParse(value).success).toBe(accepted);
  });
});
