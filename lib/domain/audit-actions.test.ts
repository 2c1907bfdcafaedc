import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, describeAuditAction, describeRecord } from "./audit-actions";

/** Every audit action string the code can record: each dotted literal such as "plan.activated" under lib/. */
function actionsInTheCode(): string[] {
  const root = path.resolve(__dirname, "..");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts") && !file.endsWith("audit-actions.ts"),
  );
  const found = new Set<string>();
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (const match of source.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

describe("the audit trail in words", () => {
  it("has words for every action the code records", () => {
    const actions = actionsInTheCode();
    // The scan finds the actions of credentials, plans, red flags and alerts at the least.
    expect(actions.length).toBeGreaterThan(30);
    const missing = actions.filter((action) => describeAuditAction(action).startsWith("Other action"));
    expect(missing).toEqual([]);
  });

  it("has no words for an action nothing records any more", () => {
    expect(Object.keys(AUDIT_ACTIONS).filter((action) => !actionsInTheCode().includes(action))).toEqual([]);
  });

  it.each([
    ["auth.sign_in_refused", { reason: "locked" }, "Sign-in refused (account locked)"],
    ["auth.sign_in_refused", { reason: "disabled" }, "Sign-in refused (account disabled)"],
    ["auth.sign_in_refused", { reason: "<b>made up</b>" }, "Sign-in refused"],
    [
      "auth.sign_in_failed",
      { failedLoginCount: 5, lockedForSeconds: 900 },
      "Sign-in failed (wrong password; account locked for 15 minutes)",
    ],
    ["auth.sign_in_failed", { failedLoginCount: 1, lockedForSeconds: 0 }, "Sign-in failed (wrong password)"],
    ["auth.mfa_verified", { method: "recovery code" }, "Two-step sign-in passed with a recovery code"],
    [
      "plan.activated",
      { version: 3, status: "ACTIVE", changes: ["Added Cat-cow"] },
      "Plan activated (version 3)",
    ],
    ["plan.activated", { version: "3; drop" }, "Plan activated"],
    [
      "clinic.emergency_number",
      { emergencyNumber: "+44 20 7946 0000" },
      "Emergency number changed to +44 20 7946 0000",
    ],
    ["clinic.emergency_number", { emergencyNumber: "call <script>" }, "Emergency number changed"],
    [
      "clinic.settings_changed",
      { changed: ["name", "timeZone", "<b>notes</b>"] },
      "Clinic settings changed: name, time zone",
    ],
    ["clinic.settings_changed", { changed: "name" }, "Clinic settings changed"],
    ["staff.invited", { role: "ADMIN" }, "Admin invited"],
    ["staff.deactivated", { role: "CLINICIAN" }, "Clinician deactivated; every session ended"],
    ["staff.reactivated", { role: "<i>x</i>" }, "Staff member reactivated"],
    [
      "staff.patients_reassigned",
      { to: "x", patients: 3 },
      "All of a clinician's patients moved to another clinician (3)",
    ],
    ["red_flag.reported", { flags: ["BOTH_LEGS"], painScore: 9 }, "Red flag reported"],
    ["alert.opened", { severity: "WARNING", reason: "PAIN_WORSE" }, "Alert opened"],
    ["some.new_thing", { notes: "free text" }, "Other action (some.new_thing)"],
    ["plan.activated", ["not", "an", "object"], "Plan activated"],
    ["toString", null, "Other action (toString)"],
  ])("describes %s with %j as %j", (action, metadata, words) => {
    expect(describeAuditAction(action, metadata)).toBe(words);
  });

  it("never puts a clinical field into words, whatever an action's metadata holds", () => {
    const clinical = {
      flags: ["BOTH_LEGS", "VERY_SEVERE_PAIN"],
      painScore: 9,
      notes: "CLINICAL-NOTE",
      changes: ["CLINICAL-CHANGE"],
      reason: "PAIN_WORSE",
      method: "CLINICAL-METHOD",
      name: "CLINICAL-NAME",
    };
    for (const action of Object.keys(AUDIT_ACTIONS))
      expect(describeAuditAction(action, clinical), action).not.toMatch(/CLINICAL|BOTH_LEGS|SEVERE|PAIN|9/);
  });

  it.each([
    ["User", "0f9e8d7c-6b5a-4321-8fed-cba987654321", "Sam Jones", "Account of Sam Jones"],
    ["Patient", "0f9e8d7c-6b5a-4321-8fed-cba987654321", "Sam Jones", "Patient Sam Jones"],
    ["Patient", "0f9e8d7c-6b5a-4321-8fed-cba987654321", null, "Patient 0f9e8d7c"],
    ["RedFlagReport", "0f9e8d7c-6b5a-4321-8fed-cba987654321", null, "Red flag report 0f9e8d7c"],
    ["Plan", null, null, "Plan"],
    ["Clinic", "0f9e8d7c-6b5a-4321-8fed-cba987654321", null, "Clinic settings"],
    ["Mystery", "0f9e8d7c-6b5a-4321-8fed-cba987654321", null, "Record 0f9e8d7c"],
  ])("names a %s record %s (%s) as %j", (type, id, name, words) => {
    expect(describeRecord(type, id, name)).toBe(words);
  });
});
