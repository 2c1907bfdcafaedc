// Every server action module, loaded after the calling test file's vi.mock()s so that the mocks apply.

/** Actions on the session cookie itself, or for visitors; their own end-to-end specs cover them. */
export const SESSION_ACTIONS = new Set([
  "signInAction",
  "signOutAction",
  "signOutEverywhereAction",
  "acceptInvitationAction",
]);

export async function loadServerActions() {
  return {
    ...(await import("@/lib/actions/auth")),
    ...(await import("@/lib/actions/account")),
    ...(await import("@/lib/actions/check-in")),
    ...(await import("@/lib/actions/session-log")),
    ...(await import("@/lib/actions/plans")),
    ...(await import("@/lib/actions/templates")),
    ...(await import("@/lib/actions/exercises")),
    ...(await import("@/lib/actions/alerts")),
    ...(await import("@/lib/actions/onboarding")),
    ...(await import("@/lib/actions/patient-plan")),
    ...(await import("@/lib/actions/mfa")),
    ...(await import("@/lib/actions/clinic")),
    ...(await import("@/lib/actions/staff")),
    ...(await import("@/lib/actions/password-reset")),
    ...(await import("@/lib/actions/patient-record")),
  };
}
