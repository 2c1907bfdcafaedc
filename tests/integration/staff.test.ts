import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { startSession } from "@/lib/dal/auth-sessions";
import { verifyCredentials } from "@/lib/dal/credentials";
import { acceptInvitation, findInvitation } from "@/lib/dal/invitations";
import { listClinicClinicians, reassignPatient } from "@/lib/dal/patient-admin";
import { currentUser, type AdminUser } from "@/lib/dal/session";
import {
  clinicStaff,
  deactivateStaff,
  inviteStaff,
  reactivateStaff,
  reassignAllPatients,
} from "@/lib/dal/staff";
import { sqlState } from "@/lib/dal/database-errors";
import { DomainError } from "@/lib/domain/errors";
import { concurrently } from "../support/concurrently";
import { FIXTURE_PASSWORD, createClinic, createPatient, nextInterrupt } from "../support/fixtures";

// The real session check, with only the cookie stood in for (as in mfa.test.ts): the AuthSession row and the
// user are read from the database.
const cookie = vi.hoisted(() => ({ claims: null as unknown }));
vi.mock("@/lib/auth", () => ({ auth: async () => (cookie.claims ? { user: cookie.claims } : null) }));

beforeEach(() => {
  cookie.claims = null;
});

const unique = () => randomUUID().slice(0, 8);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as DomainError,
  );

async function staffMember(clinicId: string, role: "CLINICIAN" | "ADMIN", name = `Staff ${unique()}`) {
  const { hashPassword } = await import("@/lib/auth/password");
  return db.user.create({
    data: {
      clinicId,
      email: `staff-${unique()}@test.example`,
      name,
      role,
      passwordHash: await hashPassword(FIXTURE_PASSWORD),
    },
  });
}

async function clinicWithAdmin() {
  const setup = await createClinic();
  const row = await staffMember(setup.clinic.id, "ADMIN", "Admin Person");
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
  return { ...setup, admin, adminRow: row };
}

async function signInAs(user: { id: string; role: string; clinicId: string; sessionVersion: number }) {
  const sid = await startSession(user.id);
  cookie.claims = {
    id: user.id,
    role: user.role,
    clinicId: user.clinicId,
    sessionVersion: user.sessionVersion,
    sid,
  };
  return sid;
}

describe("deactivating staff", () => {
  it("ends every session of a clinician at once: their cookie is refused on the very next request", async () => {
    const { admin, clinic } = await clinicWithAdmin();
    const leaver = await staffMember(clinic.id, "CLINICIAN");
    const otherBrowser = await startSession(leaver.id);
    await signInAs(leaver);
    expect((await currentUser())?.id).toBe(leaver.id);

    await deactivateStaff(admin, leaver.id);

    expect(await currentUser()).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: leaver.id }, include: { sessions: true } });
    expect(row.disabledAt).not.toBeNull();
    expect(row.sessionVersion).toBe(leaver.sessionVersion + 1);
    expect(row.sessions).toHaveLength(2);
    expect(row.sessions.every((session) => session.revokedAt !== null)).toBe(true);
    expect(row.sessions.map((session) => session.id)).toContain(otherBrowser);
    expect(await verifyCredentials(leaver.email, FIXTURE_PASSWORD)).toBeNull();
    expect(
      await db.auditEvent.findFirst({
        where: { action: "staff.deactivated", entityId: leaver.id },
        select: { clinicId: true, actorId: true, metadata: true },
      }),
    ).toEqual({
      clinicId: clinic.id,
      actorId: admin.id,
      metadata: { role: "CLINICIAN", sessionsRevoked: 2 },
    });
    // No longer offered for reassigning a patient, and the database refuses one handed to them anyway.
    const { asClinician } = await createClinic();
    const colleague = { ...asClinician, clinicId: clinic.id };
    expect((await listClinicClinicians(colleague)).map((person) => person.id)).not.toContain(leaver.id);
    const patient = await db.patient.findFirstOrThrow({ where: { clinicId: clinic.id } });
    const refused = await db.patient
      .update({ where: { id: patient.id }, data: { clinicianId: leaver.id } })
      .catch((error: unknown) => error);
    expect(sqlState(refused)?.code).toBe("BC030");
  });

  it("refuses a clinician who still has patients until they are reassigned, in bulk and audited", async () => {
    const { admin, clinic, clinician, patient } = await clinicWithAdmin();
    const more = [await createPatient(clinic.id, clinician.id), await createPatient(clinic.id, clinician.id)];
    await db.patient.update({
      where: { id: more[1]!.id },
      data: { status: "DISCHARGED", dischargedAt: new Date() },
    });
    const successor = await staffMember(clinic.id, "CLINICIAN", "Successor");
    const sid = await signInAs(clinician);

    const refused = await refusal(deactivateStaff(admin, clinician.id));
    expect(refused?.message).toBe("Reassign this clinician's patients to another clinician first.");
    const unchanged = await db.user.findUniqueOrThrow({
      where: { id: clinician.id },
      include: { sessions: true },
    });
    expect(unchanged.disabledAt).toBeNull();
    expect(unchanged.sessionVersion).toBe(clinician.sessionVersion);
    expect(unchanged.sessions.find((session) => session.id === sid)?.revokedAt).toBeNull();

    expect(await reassignAllPatients(admin, clinician.id, successor.id)).toBe(3);
    const ids = [patient.id, ...more.map((p) => p.id)].sort();
    expect(
      (await db.patient.findMany({ where: { clinicId: clinic.id }, orderBy: { id: "asc" } })).map((p) => [
        p.id,
        p.clinicianId,
      ]),
    ).toEqual(ids.map((id) => [id, successor.id]));
    const audits = await db.auditEvent.findMany({
      where: { clinicId: clinic.id, action: "patient.reassigned" },
      select: { patientId: true, actorId: true, metadata: true },
      orderBy: { patientId: "asc" },
    });
    expect(audits).toEqual(
      ids.map((id) => ({
        patientId: id,
        actorId: admin.id,
        metadata: { from: clinician.id, to: successor.id, bulk: true },
      })),
    );
    expect(
      await db.auditEvent.count({
        where: { action: "staff.patients_reassigned", entityId: clinician.id, actorId: admin.id },
      }),
    ).toBe(1);

    await deactivateStaff(admin, clinician.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).disabledAt).not.toBeNull();
    // Nothing left to move, and a deactivated clinician cannot take patients over.
    expect((await refusal(reassignAllPatients(admin, clinician.id, successor.id)))?.code).toBe("NO_PATIENTS");
    expect((await refusal(reassignAllPatients(admin, successor.id, clinician.id)))?.message).toBe(
      "Choose an active clinician of your clinic.",
    );
    expect((await refusal(reassignAllPatients(admin, successor.id, successor.id)))?.code).toBe(
      "SAME_CLINICIAN",
    );
  });

  it("never leaves a patient with a deactivated clinician when a reassignment races the deactivation", async () => {
    for (let round = 0; round < 3; round++) {
      const { admin, clinic, clinician, asClinician, patient } = await clinicWithAdmin();
      const target = await staffMember(clinic.id, "CLINICIAN");
      const outcomes = await concurrently(2, (index) =>
        index === 0 ? deactivateStaff(admin, target.id) : reassignPatient(asClinician, patient.id, target.id),
      );
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      const [row, moved] = await Promise.all([
        db.user.findUniqueOrThrow({ where: { id: target.id } }),
        db.patient.findUniqueOrThrow({ where: { id: patient.id } }),
      ]);
      if (row.disabledAt) expect(moved.clinicianId).toBe(clinician.id);
      else expect(moved.clinicianId).toBe(target.id);
    }
  });

  it("refuses the admin themselves and the last active admin; of two admins deactivating each other, one wins", async () => {
    const { admin, adminRow, clinic } = await clinicWithAdmin();
    expect((await refusal(deactivateStaff(admin, admin.id)))?.message).toBe(
      "You cannot deactivate your own account. Ask another admin of your clinic.",
    );
    const second = await staffMember(clinic.id, "ADMIN");
    const asSecond: AdminUser = { ...admin, id: second.id, name: second.name, email: second.email };
    const outcomes = await concurrently(2, (index) =>
      index === 0 ? deactivateStaff(admin, second.id) : deactivateStaff(asSecond, adminRow.id),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const lost = outcomes.find((outcome) => !outcome.ok) as { error: DomainError };
    expect(lost.error.message).toBe(
      "This is the clinic's last active admin. Invite or reactivate another admin first.",
    );
    expect(await db.user.count({ where: { clinicId: clinic.id, role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("reactivates a deactivated account, audited; another clinic's staff and patients are not found", async () => {
    const { admin, clinic } = await clinicWithAdmin();
    const leaver = await staffMember(clinic.id, "CLINICIAN");
    await deactivateStaff(admin, leaver.id);
    await reactivateStaff(admin, leaver.id);
    expect((await verifyCredentials(leaver.email, FIXTURE_PASSWORD))?.id).toBe(leaver.id);
    expect(await db.auditEvent.count({ where: { action: "staff.reactivated", entityId: leaver.id } })).toBe(
      1,
    );
    expect((await refusal(reactivateStaff(admin, leaver.id)))?.code).toBe("ALREADY_ACTIVE");

    const other = await createClinic();
    expect(await nextInterrupt(deactivateStaff(admin, other.clinician.id))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(await nextInterrupt(reactivateStaff(admin, other.clinician.id))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    const patientAccount = (await db.patient.findFirstOrThrow({ where: { clinicId: clinic.id } })).userId;
    expect(await nextInterrupt(deactivateStaff(admin, patientAccount))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await nextInterrupt(reassignAllPatients(admin, other.clinician.id, leaver.id))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: other.clinician.id } })).disabledAt).toBeNull();
    expect((await db.patient.findUniqueOrThrow({ where: { id: other.patient.id } })).clinicianId).toBe(
      other.clinician.id,
    );
  });
});

describe("inviting staff", () => {
  it.each(["CLINICIAN", "ADMIN"] as const)(
    "makes a %s account that the one-time link turns into a working sign-in",
    async (role) => {
      const { admin, clinic } = await clinicWithAdmin();
      const email = `new-staff-${unique()}@test.example`;
      const outcome = await inviteStaff(admin, { name: "Jo Newcomer", email, role });
      if (outcome.kind !== "invited") throw new Error("expected an invitation");
      expect(await verifyCredentials(email, "!invited")).toBeNull();
      expect(await findInvitation(outcome.token)).toEqual({
        state: "valid",
        name: "Jo Newcomer",
        email,
        reset: false,
        role,
      });
      expect((await clinicStaff(admin)).staff.find((person) => person.email === email)).toMatchObject({
        role,
        invitationPending: true,
      });

      expect(await acceptInvitation(outcome.token, "steady harbour lights")).toEqual({ email, role });
      const signedIn = await verifyCredentials(email, "steady harbour lights");
      expect(signedIn).toMatchObject({ role, clinicId: clinic.id });
      await signInAs({ ...signedIn!, sessionVersion: 2 });
      expect(await currentUser()).toMatchObject({ id: outcome.userId, role, clinicId: clinic.id });
      expect(
        await db.auditEvent.findMany({
          where: {
            entityId: outcome.userId,
            action: { in: ["staff.invited", "invitation.issued", "invitation.accepted"] },
          },
          orderBy: { id: "asc" },
          select: { action: true, actorId: true },
        }),
      ).toEqual([
        { action: "staff.invited", actorId: admin.id },
        { action: "invitation.issued", actorId: admin.id },
        { action: "invitation.accepted", actorId: outcome.userId },
      ]);
      expect(await findInvitation(outcome.token)).toEqual({ state: "used" });
    },
  );

  it("answers an address in use like the patients' invitations do, and spends a leaver's unused link", async () => {
    const { admin, clinic, clinician, patient } = await clinicWithAdmin();
    expect(
      (await refusal(inviteStaff(admin, { name: "Dup", email: clinician.email, role: "ADMIN" })))?.message,
    ).toBe("This email belongs to a member of your clinic's staff.");
    expect(
      (await refusal(inviteStaff(admin, { name: "Dup", email: patient.user.email, role: "CLINICIAN" })))
        ?.message,
    ).toBe("This email belongs to a patient of your clinic.");
    const other = await createClinic();
    const before = await db.user.count();
    const conflict = await inviteStaff(admin, {
      name: "Elsewhere",
      email: other.clinician.email,
      role: "CLINICIAN",
    });
    expect(conflict.kind).toBe("conflict");
    expect(await db.user.count()).toBe(before);
    expect(await findInvitation(conflict.token)).toEqual({ state: "conflict" });

    const invited = await inviteStaff(admin, {
      name: "Never Came",
      email: `gone-${unique()}@test.example`,
      role: "CLINICIAN",
    });
    if (invited.kind !== "invited") throw new Error("expected an invitation");
    await deactivateStaff(admin, invited.userId);
    expect(await findInvitation(invited.token)).toEqual({ state: "unknown" });
    expect((await refusal(acceptInvitation(invited.token, "steady harbour lights")))?.code).toBe(
      "INVITATION",
    );
    expect(
      (await clinicStaff(admin)).staff.find((person) => person.id === invited.userId)?.disabledAt,
    ).not.toBeNull();
    expect(clinic.id).toBe(admin.clinicId);
  });
});
