import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AUDIT_PAGE_SIZE, clinicAuditLog, clinicOverview } from "@/lib/dal/admin";
import { submitCheckIn } from "@/lib/dal/check-ins";
import type { AdminUser } from "@/lib/dal/session";
import { parseAuditQuery } from "@/lib/validation/audit";
import { createClinic } from "../support/fixtures";

async function clinicWithAdmin() {
  const setup = await createClinic();
  const row = await db.user.create({
    data: {
      clinicId: setup.clinic.id,
      email: `admin-${setup.clinic.id.slice(0, 8)}@test.example`,
      name: "Admin Person",
      role: "ADMIN",
      passwordHash: "x",
    },
  });
  const admin: AdminUser = {
    id: row.id,
    role: "ADMIN",
    clinicId: setup.clinic.id,
    name: row.name,
    email: row.email,
    patientId: null,
    sessionId: null,
    mfa: "not-required",
  };
  return { ...setup, admin };
}

const event = (clinicId: string, actorId: string, action: string, createdAt: Date) => ({
  clinicId,
  actorId,
  action,
  entityType: "User",
  entityId: actorId,
  createdAt,
});

describe("the clinic admin's audit trail", () => {
  it("shows only the admin's own clinic, newest first, filtered by person, action and local day", async () => {
    const mine = await clinicWithAdmin();
    const other = await clinicWithAdmin();
    await db.auditEvent.createMany({
      data: [
        event(mine.clinic.id, mine.clinician.id, "auth.sign_in", new Date("2026-11-20T08:00:00Z")),
        event(mine.clinic.id, mine.clinician.id, "patient.record_viewed", new Date("2026-11-21T23:59:00Z")),
        event(mine.clinic.id, mine.admin.id, "auth.sign_in", new Date("2026-11-22T00:00:00Z")),
        event(other.clinic.id, other.clinician.id, "auth.sign_in", new Date("2026-11-21T12:00:00Z")),
      ],
    });
    const all = await clinicAuditLog(mine.admin, parseAuditQuery({}).filters);
    expect(all.events.map((row) => [row.action, row.actor?.name])).toEqual([
      ["auth.sign_in", "Admin Person"],
      ["patient.record_viewed", mine.clinician.name],
      ["auth.sign_in", mine.clinician.name],
    ]);
    expect(all.total).toBe(3);
    expect(all.actions).toEqual([
      { action: "auth.sign_in", words: "Signed in" },
      { action: "patient.record_viewed", words: "Patient record viewed" },
    ]);
    expect(all.actors.map((actor) => actor.id).sort()).toEqual(
      [mine.admin.id, mine.clinician.id, mine.patient.user.id].sort(),
    );
    expect(JSON.stringify(all)).not.toContain(other.clinician.name);

    const byPerson = await clinicAuditLog(mine.admin, parseAuditQuery({ actor: mine.clinician.id }).filters);
    expect(byPerson.events.map((row) => row.action)).toEqual(["patient.record_viewed", "auth.sign_in"]);
    const byAction = await clinicAuditLog(mine.admin, parseAuditQuery({ action: "auth.sign_in" }).filters);
    expect(byAction.total).toBe(2);
    // `to` includes the whole day; `from` starts at its midnight, in the admin's zone (London: GMT in November).
    const oneDay = await clinicAuditLog(
      mine.admin,
      parseAuditQuery({ from: "2026-11-21", to: "2026-11-21" }).filters,
    );
    expect(oneDay.events.map((row) => row.action)).toEqual(["patient.record_viewed"]);
    // Another clinic's person as a filter finds nothing rather than their events.
    const foreign = await clinicAuditLog(mine.admin, parseAuditQuery({ actor: other.clinician.id }).filters);
    expect(foreign.total).toBe(0);
  });

  it("pages through long trails", async () => {
    const { clinic, clinician, admin } = await clinicWithAdmin();
    const start = Date.UTC(2026, 10, 1);
    await db.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, index) =>
        event(clinic.id, clinician.id, "auth.sign_in", new Date(start + index * 60_000)),
      ),
    });
    const first = await clinicAuditLog(admin, parseAuditQuery({}).filters);
    const second = await clinicAuditLog(admin, parseAuditQuery({ page: "2" }).filters);
    expect([first.events.length, second.events.length, first.pageCount]).toEqual([AUDIT_PAGE_SIZE, 5, 2]);
    expect(second.events.at(-1)!.createdAt).toEqual(new Date(start));
  });

  it("says in words what happened, to which record and by whom, and never a clinical detail", async () => {
    const { clinic, clinician, patient, admin } = await clinicWithAdmin();
    // A real red flag: its audit rows carry the flags and the pain score.
    await submitCheckIn(patient.asPatient, {
      idempotencyKey: "6a1e0f4e-3b1f-4c55-9d0e-1f2a3b4c5d6e",
      redFlags: ["BOTH_LEGS"],
      painScore: 9,
    });
    const at = new Date("2026-11-20T08:00:00Z");
    await db.auditEvent.createMany({
      data: [
        {
          ...event(clinic.id, clinician.id, "auth.sign_in_refused", at),
          metadata: { reason: "locked" },
        },
        {
          ...event(clinic.id, clinician.id, "plan.activated", at),
          patientId: patient.id,
          entityType: "Plan",
          entityId: "0f9e8d7c-6b5a-4321-8fed-cba987654321",
          metadata: { version: 2, status: "ACTIVE", changes: ["Added Secret stretch, 3 x 10."] },
        },
        {
          ...event(clinic.id, clinician.id, "some.future_action", at),
          patientId: patient.id,
          metadata: { notes: "Secret free text", painScore: 7 },
        },
      ],
    });
    const log = await clinicAuditLog(admin, parseAuditQuery({}).filters);
    const payload = JSON.stringify(log);
    for (const clinical of ["BOTH_LEGS", "painScore", "Secret", "metadata", "changes", "flags"])
      expect(payload, clinical).not.toContain(clinical);
    const rows = log.events.map((row) => [row.what, row.record, row.patient, row.actor?.name ?? null]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [
          "Red flag reported",
          expect.stringMatching(/^Red flag report [0-9a-f]{8}$/),
          patient.user.name,
          patient.user.name,
        ],
        ["Alert opened", expect.stringMatching(/^Alert [0-9a-f]{8}$/), patient.user.name, patient.user.name],
        ["Sign-in refused (account locked)", `Account of ${clinician.name}`, null, clinician.name],
        ["Plan activated (version 2)", "Plan 0f9e8d7c", patient.user.name, clinician.name],
        [
          "Other action (some.future_action)",
          `Account of ${clinician.name}`,
          patient.user.name,
          clinician.name,
        ],
      ]),
    );
    expect(log.actions).toContainEqual({ action: "red_flag.reported", words: "Red flag reported" });
  });

  it("names the filters it could not read and ignores them", () => {
    const parsed = parseAuditQuery({
      actor: "robert'); drop table",
      from: "yesterday",
      to: "2026-11-31",
      action: "x".repeat(101),
      page: "-3",
    });
    expect(parsed.unreadable.sort()).toEqual(["action", "from date", "person", "to date"]);
    expect(parsed.filters).toEqual({ page: 1 });
  });

  it("lists the clinic's staff with whether they use two-step sign-in", async () => {
    const { clinician, admin } = await clinicWithAdmin();
    const overview = await clinicOverview(admin);
    expect(overview.users.map((user) => [user.id, user.role, user.totpEnabledAt]).sort()).toEqual(
      [
        [admin.id, "ADMIN", null],
        [clinician.id, "CLINICIAN", null],
      ].sort(),
    );
  });
});
