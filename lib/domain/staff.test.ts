import { describe, expect, it } from "vitest";
import { deactivationRefusal } from "./staff";

const clinician = { isSelf: false, role: "CLINICIAN" as const, active: true, activeAdmins: 1, patients: 0 };
const admin = { ...clinician, role: "ADMIN" as const, activeAdmins: 2 };

describe("deactivationRefusal", () => {
  it.each([
    ["a clinician without patients", clinician, null],
    ["a clinician with one patient", { ...clinician, patients: 1 }, "HAS_PATIENTS"],
    ["an admin beside another active admin", admin, null],
    ["the last active admin", { ...admin, activeAdmins: 1 }, "LAST_ADMIN"],
    ["oneself, even beside other admins", { ...admin, isSelf: true }, "SELF"],
    ["an account already deactivated", { ...clinician, active: false }, "ALREADY_INACTIVE"],
  ] as const)("%s", (_, target, expected) => {
    expect(deactivationRefusal(target)).toBe(expected);
  });
});
