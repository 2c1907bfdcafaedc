// Who may be deactivated. A clinic must always have an admin who can sign in, an admin cannot lock
// themselves out, and no patient may be left with a clinician who cannot see them: their patients are
// reassigned first (in bulk, on the admin's staff page). lib/dal/staff.ts applies these under row locks, and
// the patient_clinician_active trigger (migration 20261130060000_staff) refuses a patient for an inactive one.

export type StaffRole = "CLINICIAN" | "ADMIN";

export const DEACTIVATION_REFUSALS = {
  SELF: "You cannot deactivate your own account. Ask another admin of your clinic.",
  LAST_ADMIN: "This is the clinic's last active admin. Invite or reactivate another admin first.",
  HAS_PATIENTS: "Reassign this clinician's patients to another clinician first.",
  ALREADY_INACTIVE: "This account is already deactivated.",
} as const;

export type DeactivationRefusal = keyof typeof DEACTIVATION_REFUSALS;

export function deactivationRefusal(target: {
  isSelf: boolean;
  role: StaffRole;
  active: boolean;
  /** Active admins of the clinic, the target included. */
  activeAdmins: number;
  /** Patients assigned to the target, discharged ones included. */
  patients: number;
}): DeactivationRefusal | null {
  if (target.isSelf) return "SELF";
  if (!target.active) return "ALREADY_INACTIVE";
  if (target.role === "ADMIN" && target.activeAdmins <= 1) return "LAST_ADMIN";
  if (target.patients > 0) return "HAS_PATIENTS";
  return null;
}
