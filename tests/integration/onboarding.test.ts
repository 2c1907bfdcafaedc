import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/dal/credentials";
import {
  acceptInvitation,
  findInvitation,
  invitePatient as invite,
  reissueInvitation,
} from "@/lib/dal/invitations";
import { dischargePatient, reassignPatient } from "@/lib/dal/patient-admin";
import { getLogForm } from "@/lib/dal/session-logs";
import { DomainError } from "@/lib/domain/errors";
import { createClinic, nextInterrupt } from "../support/fixtures";

const email = () => `new-${crypto.randomUUID().slice(0, 8)}@test.example`;
/** An invitation to a new address, which always makes the patient's account. */
async function invitePatient(...args: Parameters<typeof invite>) {
  const outcome = await invite(...args);
  if (outcome.kind !== "invited") throw new Error(`expected an invitation, got ${outcome.kind}`);
  return outcome;
}
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as DomainError,
  );

describe("invitations", () => {
  it("creates the patient, stores only the token's hash, and lets the link set a password once", async () => {
    const { asClinician } = await createClinic();
    const address = email();
    const { patientId, token } = await invitePatient(asClinician, { name: "Nia New", email: address });
    const invitation = await db.invitation.findFirstOrThrow({ where: { patientId } });
    expect(invitation.tokenHash).not.toBe(token);
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBeCloseTo(7 * 86_400_000, -4);
    expect(await verifyCredentials(address, "!invited")).toBeNull();

    expect(await findInvitation(token)).toEqual({
      state: "valid",
      name: "Nia New",
      email: address,
      reset: false,
      role: "PATIENT",
    });
    expect(await acceptInvitation(token, "gentle morning walks")).toEqual({
      email: address,
      role: "PATIENT",
    });
    expect((await verifyCredentials(address, "gentle morning walks"))?.role).toBe("PATIENT");

    expect(await findInvitation(token)).toEqual({ state: "used" });
    expect((await refusal(acceptInvitation(token, "another fine password")))?.message).toBe(
      "This invitation has already been used. Sign in with your email and password.",
    );
    expect(await verifyCredentials(address, "another fine password")).toBeNull();
  });

  it("refuses an expired invitation and changes nothing", async () => {
    const { asClinician } = await createClinic();
    const longAgo = new Date(Date.now() - 8 * 86_400_000);
    const { token, patientId } = await invitePatient(
      asClinician,
      { name: "Old Invite", email: email() },
      longAgo,
    );
    expect(await findInvitation(token)).toEqual({ state: "expired" });
    expect((await refusal(acceptInvitation(token, "gentle morning walks")))?.message).toBe(
      "This invitation has expired. Ask your clinician for a new one.",
    );
    expect((await db.invitation.findFirstOrThrow({ where: { patientId } })).usedAt).toBeNull();
  });

  it("refuses a weak password and keeps the invitation usable", async () => {
    const { asClinician } = await createClinic();
    const { token } = await invitePatient(asClinician, { name: "Weak Choice", email: email() });
    expect((await refusal(acceptInvitation(token, "password1234")))?.code).toBe("WEAK_PASSWORD");
    expect((await refusal(acceptInvitation(token, "short")))?.message).toBe("Use at least 12 characters.");
    expect((await findInvitation(token)).state).toBe("valid");
  });

  it("refuses an email that already has an account", async () => {
    const { asClinician, clinician } = await createClinic();
    const before = await db.patient.count();
    expect((await refusal(invitePatient(asClinician, { name: "Dup", email: clinician.email })))?.code).toBe(
      "EMAIL_TAKEN",
    );
    expect(await db.patient.count()).toBe(before);
  });

  it("makes a new link that retires the old one, only within the clinic", async () => {
    const { asClinician } = await createClinic();
    const other = await createClinic();
    const { token, patientId } = await invitePatient(asClinician, { name: "Re Issue", email: email() });
    const { token: fresh } = await reissueInvitation(asClinician, patientId, "screen");
    expect((await findInvitation(token)).state).toBe("expired");
    expect((await findInvitation(fresh)).state).toBe("valid");
    expect(await nextInterrupt(reissueInvitation(other.asClinician, patientId, "screen"))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
  });
});

describe("discharge and reassignment", () => {
  it("discharges a patient: status, completed plan, no more logging", async () => {
    const { asClinician, patient } = await createClinic();
    await dischargePatient(asClinician, patient.id);
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("DISCHARGED");
    expect((await getLogForm(patient.asPatient)).refusal).toBe(
      "You have been discharged, so there are no more sessions to log.",
    );
  });

  it("reassigns only to a clinician of the same clinic", async () => {
    const { asClinician, patient, clinic } = await createClinic();
    const other = await createClinic();
    const colleague = await db.user.create({
      data: { clinicId: clinic.id, email: email(), name: "Colleague", role: "CLINICIAN", passwordHash: "x" },
    });
    expect((await refusal(reassignPatient(asClinician, patient.id, other.clinician.id)))?.code).toBe(
      "UNKNOWN_CLINICIAN",
    );
    await reassignPatient(asClinician, patient.id, colleague.id);
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).clinicianId).toBe(
      colleague.id,
    );
    expect(await nextInterrupt(reassignPatient(other.asClinician, patient.id, other.clinician.id))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
  });
});

describe("passwords", () => {
  it("changes a password only with the current one, and signs out the user's other browsers", async () => {
    const { changePassword } = await import("@/lib/dal/credentials");
    const { startSession } = await import("@/lib/dal/auth-sessions");
    const { clinician, clinic } = await createClinic();
    const here = await startSession(clinician.id);
    const elsewhere = await startSession(clinician.id);
    const me = { id: clinician.id, clinicId: clinic.id, sessionId: here };
    expect(
      (await refusal(changePassword(me, { current: "not-it", next: "calm morning stretches" })))?.code,
    ).toBe("WRONG_PASSWORD");
    expect(
      (await refusal(changePassword(me, { current: "fixture-password", next: "password1234" })))?.code,
    ).toBe("WEAK_PASSWORD");
    await changePassword(me, { current: "fixture-password", next: "calm morning stretches" });
    expect(await verifyCredentials(clinician.email, "fixture-password")).toBeNull();
    expect((await verifyCredentials(clinician.email, "calm morning stretches"))?.id).toBe(clinician.id);
    const sessions = await db.authSession.findMany({
      where: { userId: clinician.id },
      select: { id: true, revokedAt: true },
    });
    expect(sessions.find((session) => session.id === here)?.revokedAt).toBeNull();
    expect(sessions.find((session) => session.id === elsewhere)?.revokedAt).not.toBeNull();
  });

  it("lets a clinician issue a reset link to a patient who has a password; using it signs them out everywhere", async () => {
    const { startSession } = await import("@/lib/dal/auth-sessions");
    const { asClinician, patient } = await createClinic();
    const session = await startSession(patient.user.id);
    const { token } = await reissueInvitation(asClinician, patient.id, "screen");
    expect(await findInvitation(token)).toMatchObject({ state: "valid", reset: true });
    await acceptInvitation(token, "quiet harbour lights");
    expect(await verifyCredentials(patient.user.email, "fixture-password")).toBeNull();
    expect((await verifyCredentials(patient.user.email, "quiet harbour lights"))?.sessionVersion).toBe(2);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session } })).revokedAt).not.toBeNull();
  });
});
