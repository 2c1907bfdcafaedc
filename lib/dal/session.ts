import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { sessionClaimsSchema } from "@/lib/auth/claims";
import { db } from "@/lib/db";
import { TOUCH_EVERY_MS, sessionEnded } from "@/lib/domain/session-lifetime";
import { zoneOf } from "@/lib/time";

export type Role = "CLINICIAN" | "PATIENT" | "ADMIN";

export type SessionUser = {
  id: string;
  role: Role;
  clinicId: string;
  name: string;
  email: string;
  /** The patient profile's id, for patients only. */
  patientId: string | null;
  /** This browser's AuthSession; null only for users made up by tests. */
  sessionId: string | null;
  /** Where this browser stands with the second factor; see MfaState. */
  mfa: MfaState;
  /**
   * The IANA zone every date and time is shown to this person in: their own choice, else their clinic's.
   * Always set for a signed-in user; users made up by tests may leave it out (see timeZoneOf).
   */
  timeZone?: string;
};

/** The zone to show `user` dates and times in (pages; the data access layer imports it from lib/time). */
export { timeZoneOf } from "@/lib/time";

/**
 * - `not-required`: patients, and staff who have not enrolled in a clinic that does not require it;
 * - `verified`: staff who enrolled and passed the second factor in this browser;
 * - `code-needed`: staff who enrolled but have only given their password in this browser;
 * - `enrolment-needed`: staff of a clinic that requires MFA who have not enrolled yet.
 * Only the first two may see anything beyond their own account's sign-in pages.
 */
export type MfaState = "not-required" | "verified" | "code-needed" | "enrolment-needed";

function mfaStateOf(
  role: Role,
  totpEnabledAt: Date | null,
  mfaVerifiedAt: Date | null,
  clinicRequiresMfa: boolean,
): MfaState {
  if (role === "PATIENT") return "not-required";
  if (totpEnabledAt) return mfaVerifiedAt ? "verified" : "code-needed";
  return clinicRequiresMfa ? "enrolment-needed" : "not-required";
}

/**
 * The signed-in user as the database sees them now, or null. The cookie's claims are checked against the
 * user row on every request: a raised session version (sign out everywhere) or a disabled account takes
 * effect on the next request, whatever the cookie says.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const cookie = await auth();
  const claims = sessionClaimsSchema.safeParse(cookie?.user);
  if (!claims.success) return null;
  const session = await db.authSession.findUnique({
    where: { id: claims.data.sid },
    select: {
      userId: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      mfaVerifiedAt: true,
      user: {
        select: {
          id: true,
          role: true,
          clinicId: true,
          name: true,
          email: true,
          sessionVersion: true,
          disabledAt: true,
          totpEnabledAt: true,
          timeZone: true,
          clinic: { select: { mfaRequired: true, timeZone: true } },
          patient: { select: { id: true } },
        },
      },
    },
  });
  const now = new Date();
  if (!session || session.userId !== claims.data.id || sessionEnded(session, session.user.role, now))
    return null;
  const { user } = session;
  if (user.disabledAt !== null || user.sessionVersion !== claims.data.sessionVersion) return null;
  if (user.role !== claims.data.role || user.clinicId !== claims.data.clinicId) return null;
  if (user.role === "PATIENT" && !user.patient) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.authSession.updateMany({
      where: { id: claims.data.sid, revokedAt: null },
      data: { lastSeenAt: now },
    });
  }
  return {
    sessionId: claims.data.sid,
    id: user.id,
    role: user.role,
    clinicId: user.clinicId,
    name: user.name,
    email: user.email,
    patientId: user.patient?.id ?? null,
    mfa: mfaStateOf(user.role, user.totpEnabledAt, session.mfaVerifiedAt, user.clinic.mfaRequired),
    timeZone: zoneOf(user, user.clinic),
  };
});

/** True when the user has passed every factor their account and clinic ask for. */
export function fullySignedIn(user: SessionUser): boolean {
  return user.mfa === "not-required" || user.mfa === "verified";
}

/** Where a signed-in user goes first: the second-factor steps when they are owed, otherwise their home. */
export function landingFor(user: SessionUser): string {
  if (user.mfa === "code-needed") return "/mfa";
  if (user.mfa === "enrolment-needed") return "/account/mfa";
  return homeFor(user.role);
}

/**
 * A signed-in user at any step of the second factor: only for the pages and actions of those steps and for
 * signing out. Anonymous visitors are sent to /login.
 */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * The signed-in user, past every factor they owe; anonymous visitors are sent to /login, and staff who owe
 * a second factor to /mfa or to enrolment. Every page and action beyond sign-in goes through here.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await requireSignedIn();
  if (!fullySignedIn(user)) redirect(landingFor(user));
  return user;
}

export type ClinicianUser = SessionUser & { role: "CLINICIAN" };
export type PatientUser = SessionUser & { role: "PATIENT"; patientId: string };

/** A signed-in clinician; anyone else is refused with 403 (anonymous visitors go to /login). */
export async function requireClinician(): Promise<ClinicianUser> {
  const user = await requireUser();
  if (user.role !== "CLINICIAN") forbidden();
  return user as ClinicianUser;
}

/** A signed-in patient; anyone else is refused with 403 (anonymous visitors go to /login). */
export async function requirePatient(): Promise<PatientUser> {
  const user = await requireUser();
  if (user.role !== "PATIENT" || user.patientId === null) forbidden();
  return user as PatientUser;
}

export type AdminUser = SessionUser & { role: "ADMIN" };

/** A signed-in clinic admin; anyone else is refused with 403 (anonymous visitors go to /login). */
export async function requireAdmin(): Promise<AdminUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") forbidden();
  return user as AdminUser;
}

export function homeFor(role: Role): string {
  return role === "PATIENT" ? "/patient" : role === "CLINICIAN" ? "/clinician" : "/admin";
}
