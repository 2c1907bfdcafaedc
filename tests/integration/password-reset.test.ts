import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startSession } from "@/lib/dal/auth-sessions";
import { verifyCredentials } from "@/lib/dal/credentials";
import { FIXTURE_PASSWORD, createClinic } from "../support/fixtures";
import { checkInAndLog, clinicWithActivePlan, sessionInput } from "../support/plans";
import { clinicalDetailsIn, linksIn, startMailbox, type Mailbox } from "../support/mailbox";

// Self-service password reset through the real actions, with a real SMTP server receiving the e-mails. Every
// request carries a forged Host and X-Forwarded-Host: links must still be on the configured APP_URL.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
// The client's address as the app would have it, one per test, so that the per-address limit is the test's own.
vi.mock("@/lib/client-address", () => ({
  clientAddress: (headers: Headers) => headers.get("x-test-client-address") ?? "unknown",
}));

const { requestPasswordResetAction, resetPasswordAction } = await import("@/lib/actions/password-reset");
const { backgroundSettled } = await import("@/lib/background");
const { issuePasswordReset, findPasswordReset } = await import("@/lib/dal/password-resets");

const NEW_PASSWORD = "quiet harbour lights";
const LINK = /^https:\/\/app\.backcare\.test\/reset-password\/[A-Za-z0-9_-]{43}$/;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const ask = async (email: string) => {
  const state = await requestPasswordResetAction({}, form({ email }));
  await backgroundSettled();
  return state;
};
const choose = (token: string, password = NEW_PASSWORD, confirm = password) =>
  resetPasswordAction({}, form({ token, password, confirm }));
const tokenOf = (link: string) => link.split("/").at(-1)!;

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
  env.SMTP_URL = mailbox.url;
});
afterAll(async () => {
  env.SMTP_URL = undefined;
  await mailbox.close();
});
beforeEach(() => {
  request.headers = new Headers({
    host: "evil.example",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "http",
    "x-test-client-address": `198.51.100.${randomUUID()}`,
  });
});

describe("asking for a password reset", () => {
  it("emails a 30-minute link on the configured host, and answers an unknown address in the same words", async () => {
    const setup = await clinicWithActivePlan();
    await checkInAndLog(setup.patient, sessionInput({ notes: "Sharp twinge in the left hip after lunges" }));
    const known = setup.patient.user.email;
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.example`;

    const answer = await ask(known.toUpperCase());
    expect(answer).toEqual(await ask(unknown));
    expect(answer).toEqual({
      ok: true,
      message: expect.stringContaining("If that address has a Backcare account, we have emailed it a link"),
    });

    const message = await mailbox.next(known);
    expect(message.to).toEqual([known]);
    expect(message.subject).toBe("Reset your Backcare password");
    const [link, ...others] = linksIn(message);
    expect(link).toMatch(LINK);
    expect(others).toEqual([]);
    expect(message.text).not.toContain("evil.example");
    expect(message.text).toContain("within 30 minutes");
    expect(clinicalDetailsIn(message, ["twinge", "lunges", "Light stretching"])).toEqual([]);
    expect(mailbox.to(unknown)).toEqual([]);

    // Only the token's SHA-256 is stored, with 30 minutes to live.
    const [stored] = await db.passwordReset.findMany({ where: { userId: setup.patient.user.id } });
    const token = tokenOf(link!);
    expect(stored!.tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeCloseTo(30 * 60_000, -3);
  });

  it("lets a patient, a clinician and an admin choose a new password once; everything else is signed out", async () => {
    const { clinic, clinician, patient } = await createClinic();
    const admin = await db.user.create({
      data: {
        clinicId: clinic.id,
        email: `admin-${randomUUID().slice(0, 8)}@test.example`,
        name: "Ada Admin",
        role: "ADMIN",
        passwordHash: clinician.passwordHash,
      },
    });
    for (const user of [patient.user, clinician, admin]) {
      const sessions = [await startSession(user.id), await startSession(user.id)];
      await db.user.update({
        where: { id: user.id },
        data: { failedLoginCount: 7, lockedUntil: new Date(Date.now() + 3_600_000) },
      });
      await ask(user.email);
      const token = tokenOf(linksIn(await mailbox.next(user.email))[0]!);
      expect(await findPasswordReset(token)).toEqual({ state: "valid", email: user.email });

      expect(await choose(token)).toEqual({
        ok: true,
        message: "Your new password is set, and you have been signed out everywhere. Sign in with it now.",
      });
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after.sessionVersion).toBe(2);
      expect(after.failedLoginCount).toBe(0);
      expect(after.lockedUntil).toBeNull();
      const revoked = await db.authSession.findMany({ where: { id: { in: sessions } } });
      expect(revoked.map((session) => session.revokedAt)).toEqual([expect.any(Date), expect.any(Date)]);
      expect(await verifyCredentials(user.email, FIXTURE_PASSWORD)).toBeNull();
      expect((await verifyCredentials(user.email, NEW_PASSWORD))?.id).toBe(user.id);
      const actions = await db.auditEvent.findMany({
        where: { actorId: user.id, action: { startsWith: "auth.password_reset" } },
        orderBy: { id: "asc" },
        select: { action: true, clinicId: true },
      });
      expect(actions).toEqual([
        { action: "auth.password_reset_requested", clinicId: clinic.id },
        { action: "auth.password_reset", clinicId: clinic.id },
      ]);

      // Once only.
      expect(await findPasswordReset(token)).toEqual({ state: "used" });
      expect((await choose(token, "another fine password")).message).toBe(
        "This password reset link has already been used. Sign in with your new password, or ask for a new link.",
      );
      expect(await verifyCredentials(user.email, "another fine password")).toBeNull();
    }
  });

  it("refuses an expired, a replaced or an unknown link, and a weak password, changing nothing", async () => {
    const { patient } = await createClinic();
    const email = patient.user.email;
    const old = await issuePasswordReset(email, new Date(Date.now() - 31 * 60_000));
    expect(await findPasswordReset(old!.token)).toEqual({ state: "expired" });
    expect((await choose(old!.token)).message).toBe(
      "This password reset link has expired: links work for 30 minutes. Ask for a new one.",
    );

    const first = await issuePasswordReset(email);
    const second = await issuePasswordReset(email);
    expect((await findPasswordReset(first!.token)).state).toBe("expired");
    expect((await findPasswordReset(second!.token)).state).toBe("valid");

    expect((await choose("x".repeat(43))).message).toBe(
      "This password reset link is not valid. Ask for a new one.",
    );
    expect((await choose(second!.token, "password1234")).message).toBe(
      "That password is too common and easy to guess. Try a few unrelated words.",
    );
    expect((await choose(second!.token, NEW_PASSWORD, "something else entirely")).fieldErrors).toEqual({
      confirm: ["The two passwords do not match."],
    });
    expect((await findPasswordReset(second!.token)).state).toBe("valid");
    expect((await verifyCredentials(email, FIXTURE_PASSWORD))?.id).toBe(patient.user.id);
  });

  it("limits requests per email asked for, known or not, and per client address", async () => {
    const { patient } = await createClinic();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.example`;
    for (const email of [patient.user.email, unknown]) {
      for (let request = 0; request < 5; request++) expect((await ask(email)).ok).toBe(true);
      expect(await ask(email)).toEqual({
        message: "Too many password reset requests in a short time. Please wait an hour and try again.",
        issues: [],
      });
    }
    expect(mailbox.to(patient.user.email)).toHaveLength(5);

    for (let request = 0; request < 18; request++) {
      expect((await ask(`someone-${request}-${randomUUID().slice(0, 6)}@test.example`)).ok).toBe(true);
    }
    // 12 requests came from this client address above and 18 here, 30 in all: the 31st is refused.
    expect((await ask(`last-${randomUUID().slice(0, 6)}@test.example`)).message).toMatch(/^Too many/);
  });

  it("without SMTP, tells the person to ask their clinic, and stores and sends nothing", async () => {
    const { patient } = await createClinic();
    env.SMTP_URL = undefined;
    try {
      expect(await ask(patient.user.email)).toEqual({
        message:
          "Password resets by email are not available here. Ask your clinic for a link to choose a new password.",
      });
    } finally {
      env.SMTP_URL = mailbox.url;
    }
    expect(await db.passwordReset.count({ where: { userId: patient.user.id } })).toBe(0);
    expect(mailbox.to(patient.user.email)).toEqual([]);
  });
});
