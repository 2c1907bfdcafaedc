import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startSession } from "@/lib/dal/auth-sessions";
import { acceptInvitation, findInvitation, invitationRefusal } from "@/lib/dal/invitations";
import type { ClinicianUser } from "@/lib/dal/session";
import { createClinic } from "../support/fixtures";
import { clinicalDetailsIn, linksIn, startMailbox, type Mailbox } from "../support/mailbox";
import { checkInAndLog, clinicWithActivePlan, sessionInput } from "../support/plans";

// Invitations and clinician-made reset links through the real actions, e-mailed to a real SMTP server. Every
// request carries a forged Host and X-Forwarded-Host: links must still be on the configured APP_URL.
const acting = vi.hoisted(() => ({ user: null as unknown, headers: new Headers() }));
vi.mock("@/lib/dal/session", () => ({
  requireClinician: async () => acting.user as ClinicianUser,
}));
vi.mock("next/headers", () => ({ headers: async () => acting.headers }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth", () => ({ signIn: async () => {} }));

const { invitePatientAction, reissueInvitationAction } = await import("@/lib/actions/onboarding");

const INVITE_LINK = /^https:\/\/app\.backcare\.test\/invite\/[A-Za-z0-9_-]{43}$/;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const newEmail = () => `invitee-${randomUUID().slice(0, 8)}@test.example`;
const tokenOf = (link: string) => link.split("/").at(-1)!;

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(() => mailbox.close());
beforeEach(() => {
  env.SMTP_URL = undefined;
  acting.headers = new Headers({ host: "evil.example", "x-forwarded-host": "evil.example" });
});
const withEmail = () => {
  env.SMTP_URL = mailbox.url;
};

describe("inviting a patient", () => {
  it("without SMTP shows a link on the configured host, whatever host the request names", async () => {
    const { asClinician } = await createClinic();
    acting.user = asClinician;
    const state = await invitePatientAction({}, form({ name: "Nia New", email: newEmail() }));
    expect(state).toEqual({
      ok: true,
      link: expect.stringMatching(INVITE_LINK),
      message: "Nia New was added. Copy this link and send it to them: it works once, for 7 days.",
    });
  });

  it("with SMTP e-mails the link to the patient and does not show it", async () => {
    const { asClinician } = await createClinic();
    acting.user = asClinician;
    withEmail();
    const email = newEmail();
    const state = await invitePatientAction({}, form({ name: "Nia New", email }));
    expect(state).toEqual({
      ok: true,
      message: `Nia New was added and the invitation was emailed to ${email}. The link works once, for 7 days.`,
    });
    const message = await mailbox.next(email);
    expect(message.subject).toBe(`${asClinician.name} invited you to Backcare`);
    expect(linksIn(message)).toEqual([expect.stringMatching(INVITE_LINK)]);
    expect(message.text).not.toContain("evil.example");
    expect(clinicalDetailsIn(message)).toEqual([]);
    expect(await findInvitation(tokenOf(linksIn(message)[0]!))).toMatchObject({
      state: "valid",
      reset: false,
    });
  });

  it("answers an address with an account in another clinic exactly as a new one, touching nothing there", async () => {
    const mine = await createClinic();
    const other = await createClinic();
    acting.user = mine.asClinician;
    const taken = other.patient.user.email;
    const rowsOf = () =>
      Promise.all([
        db.user.findUniqueOrThrow({ where: { email: taken } }),
        db.patient.findUniqueOrThrow({ where: { id: other.patient.id } }),
        db.invitation.count({ where: { patientId: other.patient.id } }),
        db.auditEvent.count({ where: { clinicId: other.clinic.id } }),
      ]);
    const before = await rowsOf();

    // On screen (no SMTP): the same sentence and the same kind of link.
    const fresh = await invitePatientAction({}, form({ name: "Sam Same", email: newEmail() }));
    const conflict = await invitePatientAction({}, form({ name: "Sam Same", email: taken }));
    expect(conflict).toEqual({ ...fresh, link: expect.stringMatching(INVITE_LINK) });
    expect(conflict.link).not.toBe(fresh.link);
    // The link leads nowhere: opened, it says to contact the clinic, and it sets no password.
    const token = tokenOf(conflict.link!);
    expect(await findInvitation(token)).toEqual({ state: "conflict" });
    expect(invitationRefusal("conflict")).toMatch(/contact the clinic that sent it/);
    await expect(acceptInvitation(token, "gentle morning walks")).rejects.toThrow(
      "This invitation link is not valid.",
    );

    // By e-mail: the same answer, and the owner gets a neutral note with no link to act on the account.
    withEmail();
    const emailedFresh = newEmail();
    const freshByEmail = await invitePatientAction({}, form({ name: "Sam Same", email: emailedFresh }));
    const conflictByEmail = await invitePatientAction({}, form({ name: "Sam Same", email: taken }));
    expect(conflictByEmail).toEqual({
      ...freshByEmail,
      message: freshByEmail.message!.replace(emailedFresh, taken),
    });
    const note = await mailbox.next(taken);
    expect(note.subject).toBe(`${mine.clinic.name} invited you to Backcare`);
    expect(note.text).toContain("already has a Backcare account, so nothing was changed");
    expect(linksIn(note)).toEqual([
      "https://app.backcare.test/login",
      "https://app.backcare.test/forgot-password",
    ]);
    for (const detail of [other.clinic.name, other.patient.user.name, other.clinician.name, "invite/"]) {
      expect(note.text).not.toContain(detail);
    }
    expect(clinicalDetailsIn(note)).toEqual([]);

    expect(await rowsOf()).toEqual(before);
    // Nothing in the inviting clinic's own audit trail tells the two apart either.
    expect(
      await db.auditEvent.count({ where: { clinicId: mine.clinic.id, action: "invitation.email_in_use" } }),
    ).toBe(0);
  });

  it("tells a clinician plainly when the person is already on their own clinic's list", async () => {
    const { asClinician, patient, clinician } = await createClinic();
    acting.user = asClinician;
    expect(await invitePatientAction({}, form({ name: "Again", email: patient.user.email }))).toEqual({
      message: "This patient is already on your clinic's list.",
      issues: [],
    });
    expect((await invitePatientAction({}, form({ name: "Again", email: clinician.email }))).message).toBe(
      "This email belongs to a member of your clinic's staff.",
    );
  });
});

describe("a clinician's reset link for a patient", () => {
  it("with SMTP is e-mailed to the patient, never shown, and signs the patient out everywhere when used", async () => {
    const setup = await clinicWithActivePlan();
    await checkInAndLog(setup.patient, sessionInput({ notes: "Sharp twinge in the left hip after lunges" }));
    acting.user = setup.asClinician;
    withEmail();
    const email = setup.patient.user.email;
    const session = await startSession(setup.patient.user.id);

    const state = await reissueInvitationAction({}, form({ patientId: setup.patient.id }));
    expect(state).toEqual({
      ok: true,
      message: `A new password reset link was emailed to ${email}; it works once, for 7 days. Earlier links no longer work.`,
    });
    const message = await mailbox.next(email);
    expect(message.subject).toBe("Choose a new Backcare password");
    const [link] = linksIn(message);
    expect(link).toMatch(INVITE_LINK);
    expect(message.text).not.toContain("evil.example");
    expect(clinicalDetailsIn(message, ["twinge", "lunges", "Light stretching"])).toEqual([]);

    await acceptInvitation(tokenOf(link!), "quiet harbour lights");
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session } })).revokedAt).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: setup.patient.user.id } })).sessionVersion).toBe(
      2,
    );
    const events = await db.auditEvent.findMany({
      where: { patientId: setup.patient.id, action: { startsWith: "invitation." } },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, metadata: true },
    });
    expect(events).toEqual([
      {
        action: "invitation.issued",
        actorId: setup.clinician.id,
        metadata: { reset: true, delivery: "email" },
      },
      { action: "invitation.accepted", actorId: setup.patient.user.id, metadata: { reset: true } },
    ]);
  });

  it("without SMTP is shown to the clinician, on the configured host", async () => {
    const { asClinician, patient } = await createClinic();
    acting.user = asClinician;
    expect(await reissueInvitationAction({}, form({ patientId: patient.id }))).toEqual({
      ok: true,
      link: expect.stringMatching(INVITE_LINK),
      message: "A new password reset link was made; earlier links no longer work.",
    });
    expect(mailbox.to(patient.user.email)).toEqual([]);
  });
});
