import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { stepAt, totpCode } from "@/lib/auth/totp";
import { startSession } from "@/lib/dal/auth-sessions";
import {
  confirmEnrolment,
  disableMfa,
  pendingEnrolment,
  regenerateRecoveryCodes,
  setClinicMfaRequired,
  verifySecondFactor,
} from "@/lib/dal/mfa";
import {
  currentUser,
  requireClinician,
  requirePatient,
  requireSignedIn,
  type AdminUser,
  type SessionUser,
} from "@/lib/dal/session";
import { createClinic, nextInterrupt } from "../support/fixtures";

// The real session checks, with the cookie stood in for: what the browser's cookie says is `cookie.claims`,
// and everything else (the AuthSession row, the user, the clinic's rule) is read from the database.
const cookie = vi.hoisted(() => ({ claims: null as unknown }));
vi.mock("@/lib/auth", () => ({ auth: async () => (cookie.claims ? { user: cookie.claims } : null) }));

/** Signs a user in as a new browser would after their password: a new AuthSession, no second factor yet. */
async function signInAs(user: { id: string; role: string; clinicId: string; sessionVersion: number }) {
  const sid = await startSession(user.id);
  cookie.claims = {
    id: user.id,
    role: user.role,
    clinicId: user.clinicId,
    sessionVersion: user.sessionVersion,
    sid,
  };
  return (await currentUser())!;
}

const codeAt = (secret: string, offsetSteps = 0) => totpCode(secret, stepAt(new Date()) + offsetSteps);

async function enrolledClinician() {
  const setup = await createClinic();
  const user = await signInAs(setup.clinician);
  const enrolment = (await pendingEnrolment(user))!;
  const recoveryCodes = await confirmEnrolment(user, codeAt(enrolment.secret));
  return { ...setup, secret: enrolment.secret, recoveryCodes };
}

beforeEach(() => {
  cookie.claims = null;
});

describe("two-step sign-in for staff", () => {
  it("turns on only with a right code from the app, keeping the secret sealed and the recovery codes hashed", async () => {
    const { clinician } = await createClinic();
    const user = await signInAs(clinician);
    expect(user.mfa).toBe("not-required");

    const enrolment = (await pendingEnrolment(user))!;
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    // Opening the page again shows the same secret, so a phone that already scanned it still works.
    expect((await pendingEnrolment(user))!.secret).toBe(enrolment.secret);
    const pending = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect(pending.totpPendingSecret).not.toContain(enrolment.secret);
    expect(pending.totpEnabledAt).toBeNull();

    const wrong = codeAt(enrolment.secret) === "000000" ? "111111" : "000000";
    await expect(confirmEnrolment(user, wrong)).rejects.toThrow("That code did not match.");
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).totpEnabledAt).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: clinician.id } })).toBe(0);

    const codes = await confirmEnrolment(user, codeAt(enrolment.secret));
    expect(codes).toHaveLength(10);
    const row = await db.user.findUniqueOrThrow({
      where: { id: clinician.id },
      include: { recoveryCodes: true, sessions: true },
    });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpSecret).not.toContain(enrolment.secret);
    expect(row.recoveryCodes.map((code) => code.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    const stored = JSON.stringify(row);
    for (const code of codes) expect(stored).not.toContain(code.replaceAll("-", ""));
    expect(row.sessions.map((session) => session.mfaVerifiedAt !== null)).toEqual([true]);
    expect((await currentUser())!.mfa).toBe("verified");
    expect(await db.auditEvent.count({ where: { actorId: clinician.id, action: "auth.mfa_enrolled" } })).toBe(
      1,
    );
    // Nothing to set up any more.
    expect(await pendingEnrolment(user)).toBeNull();
  });

  it("asks an enrolled clinician's new browser for a code before any patient data, and takes each code once", async () => {
    const { clinician, secret } = await enrolledClinician();
    const browser = await signInAs(clinician);
    expect(browser.mfa).toBe("code-needed");
    expect(await nextInterrupt(requireClinician())).toBe("NEXT_REDIRECT;replace;/mfa;307;");
    const { GET } = await import("@/app/api/alerts/stream/route");
    expect((await GET(new Request("http://localhost/api/alerts/stream"))).status).toBe(401);
    // The second-factor page itself is reachable.
    expect((await requireSignedIn()).id).toBe(clinician.id);

    const code = codeAt(secret, 1);
    await expect(verifySecondFactor(browser, code === "000000" ? "111111" : "000000")).rejects.toThrow(
      "That code did not work.",
    );
    expect((await currentUser())!.mfa).toBe("code-needed");
    await verifySecondFactor(browser, code);
    expect((await currentUser())!.mfa).toBe("verified");
    expect((await requireClinician()).id).toBe(clinician.id);

    // The same code in another browser, within its 90 seconds, is refused: it was used.
    const thief = await signInAs(clinician);
    await expect(verifySecondFactor(thief, code)).rejects.toThrow("That code did not work.");
    expect((await currentUser())!.mfa).toBe("code-needed");
    expect(
      await db.auditEvent.findMany({
        where: { actorId: clinician.id, action: { in: ["auth.mfa_verified", "auth.mfa_failed"] } },
        orderBy: { id: "asc" },
        select: { action: true },
      }),
    ).toEqual([
      { action: "auth.mfa_failed" },
      { action: "auth.mfa_verified" },
      { action: "auth.mfa_failed" },
    ]);
  });

  it("accepts each recovery code once, typed in any case, and counts what is left", async () => {
    const { clinician, recoveryCodes } = await enrolledClinician();
    const [first] = recoveryCodes as [string];
    const browser = await signInAs(clinician);
    await verifySecondFactor(browser, ` ${first.toUpperCase()} `);
    expect((await currentUser())!.mfa).toBe("verified");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: clinician.id, action: "auth.mfa_verified" },
    });
    expect(event.metadata).toEqual({ method: "recovery code", recoveryCodesLeft: 9 });

    const again = await signInAs(clinician);
    await expect(verifySecondFactor(again, first)).rejects.toThrow("That code did not work.");
    expect(await db.recoveryCode.count({ where: { userId: clinician.id, usedAt: null } })).toBe(9);
  });

  it("replaces recovery codes and turns off only with a current code", async () => {
    const { clinician, secret, recoveryCodes } = await enrolledClinician();
    const user = (await currentUser()) as SessionUser;
    await expect(regenerateRecoveryCodes(user, "000000")).rejects.toThrow("That code did not work.");
    const fresh = await regenerateRecoveryCodes(user, codeAt(secret, 1));
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => recoveryCodes.includes(code))).toBe(false);
    expect(
      (await db.recoveryCode.findMany({ where: { userId: clinician.id } })).map((row) => row.codeHash).sort(),
    ).toEqual(fresh.map(hashRecoveryCode).sort());

    await expect(disableMfa(user, recoveryCodes[0]!)).rejects.toThrow("That code did not work.");
    await disableMfa(user, fresh[0]!);
    const row = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await db.recoveryCode.count({ where: { userId: clinician.id } })).toBe(0);
    expect((await signInAs(clinician)).mfa).toBe("not-required");
  });

  it("stops guessing after 10 codes in 15 minutes", async () => {
    const { clinician, secret } = await enrolledClinician();
    const browser = await signInAs(clinician);
    const right = codeAt(secret, 1);
    const wrong = right === "000000" ? "111111" : "000000";
    // The code that confirmed enrolment was the first of the ten.
    for (let attempt = 0; attempt < 9; attempt++) {
      await expect(verifySecondFactor(browser, wrong)).rejects.toThrow("That code did not work.");
    }
    await expect(verifySecondFactor(browser, right)).rejects.toThrow("Too many code attempts");
    expect((await currentUser())!.mfa).toBe("code-needed");
  });

  it("sends a clinic's staff to enrolment when the admin requires it, leaves patients alone, and keeps it on", async () => {
    const { clinic, clinician, patient } = await createClinic();
    const adminRow = await db.user.create({
      data: {
        clinicId: clinic.id,
        email: `admin-${clinic.id.slice(0, 8)}@test.example`,
        name: "Admin",
        role: "ADMIN",
        passwordHash: "x",
      },
    });
    const admin = (await signInAs(adminRow)) as AdminUser;
    await expect(setClinicMfaRequired(admin, true)).rejects.toThrow(
      "Set up two-step sign-in for your own account first",
    );
    expect((await db.clinic.findUniqueOrThrow({ where: { id: clinic.id } })).mfaRequired).toBe(false);
    const adminEnrolment = (await pendingEnrolment(admin))!;
    await confirmEnrolment(admin, codeAt(adminEnrolment.secret));
    await setClinicMfaRequired(admin, true);
    expect(
      await db.auditEvent.count({
        where: { actorId: adminRow.id, action: "clinic.mfa_required", entityId: clinic.id },
      }),
    ).toBe(1);

    expect((await currentUser())!.mfa).toBe("verified");
    const staff = await signInAs(clinician);
    expect(staff.mfa).toBe("enrolment-needed");
    expect(await nextInterrupt(requireClinician())).toBe("NEXT_REDIRECT;replace;/account/mfa;307;");

    const patientUser = await db.user.findUniqueOrThrow({ where: { id: patient.user.id } });
    expect((await signInAs(patientUser)).mfa).toBe("not-required");
    expect((await requirePatient()).id).toBe(patientUser.id);
    expect(await nextInterrupt(pendingEnrolment((await currentUser())!))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;403",
    );

    await signInAs(clinician);
    const enrolment = (await pendingEnrolment((await currentUser())!))!;
    await confirmEnrolment((await currentUser())!, codeAt(enrolment.secret));
    expect((await requireClinician()).id).toBe(clinician.id);
    await expect(disableMfa((await currentUser())!, codeAt(enrolment.secret, 1))).rejects.toThrow(
      "Your clinic requires two-step sign-in",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).totpEnabledAt).not.toBeNull();
  });

  it("leaves the demo accounts signing in with a password alone", async () => {
    const robin = await db.user.findUniqueOrThrow({ where: { email: "clinician@demo.test" } });
    expect((await signInAs(robin)).mfa).toBe("not-required");
    expect((await requireClinician()).id).toBe(robin.id);
  });
});
