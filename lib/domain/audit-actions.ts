// What the clinic admin's audit page says about each recorded action. Admins have no clinical role, so these
// words never carry a clinical detail (symptoms, red-flag codes, pain scores, notes, plan contents): an
// action's words may read only the metadata fields named below, none of them clinical, and a value only
// after checking its shape. Every action the code records is a key here (AuditEntry.action is this union).

type Metadata = Record<string, unknown>;

const version = (metadata: Metadata) =>
  Number.isInteger(metadata.version) ? ` (version ${metadata.version as number})` : "";

const ACCOUNT_STATE: Record<string, string> = {
  locked: "account locked",
  disabled: "account disabled",
  rate_limited: "too many attempts",
};
const because = (metadata: Metadata) => {
  const words = typeof metadata.reason === "string" ? ACCOUNT_STATE[metadata.reason] : undefined;
  return words ? ` (${words})` : "";
};

const lockedFor = (metadata: Metadata) => {
  const seconds = metadata.lockedForSeconds;
  if (typeof seconds !== "number" || !(seconds > 0)) return "";
  const minutes = Math.ceil(seconds / 60);
  return `; account locked for ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
};

const SETTINGS: Record<string, string> = {
  name: "name",
  address: "address",
  phone: "phone",
  emergencyNumber: "emergency number",
  timeZone: "time zone",
};

const staffRole = (metadata: Metadata) =>
  metadata.role === "ADMIN" ? "Admin" : metadata.role === "CLINICIAN" ? "Clinician" : "Staff member";

export const AUDIT_ACTIONS = {
  "auth.sign_in": () => "Signed in",
  "auth.sign_in_failed": (metadata) => `Sign-in failed (wrong password${lockedFor(metadata)})`,
  "auth.sign_in_refused": (metadata) => `Sign-in refused${because(metadata)}`,
  "auth.sign_out": () => "Signed out",
  "auth.sign_out_everywhere": () => "Signed out on every device",
  "auth.password_changed": () => "Password changed",
  "auth.password_change_failed": (metadata) =>
    `Password change failed (wrong current password${lockedFor(metadata)})`,
  "auth.password_change_refused": (metadata) => `Password change refused${because(metadata)}`,
  "auth.password_reset_requested": () => "Password reset link requested",
  "auth.password_reset": () => "Password reset with an e-mailed link",
  "auth.mfa_enrolled": () => "Two-step sign-in turned on",
  "auth.mfa_verified": (metadata) =>
    metadata.method === "recovery code"
      ? "Two-step sign-in passed with a recovery code"
      : "Two-step sign-in passed",
  "auth.mfa_failed": () => "Two-step sign-in code refused",
  "auth.mfa_recovery_codes_replaced": () => "Recovery codes replaced",
  "auth.mfa_disabled": () => "Two-step sign-in turned off",
  "account.time_zone_changed": (metadata) =>
    typeof metadata.timeZone === "string" && /^[A-Za-z0-9_+/-]{1,64}$/.test(metadata.timeZone)
      ? `Own time zone set to ${metadata.timeZone}`
      : "Own time zone set to the clinic's",
  "authorization.refused": () => "Refused: a record of another clinic, or one that does not exist",
  "clinic.emergency_number": (metadata) =>
    typeof metadata.emergencyNumber === "string" && /^[0-9 +()-]{1,30}$/.test(metadata.emergencyNumber)
      ? `Emergency number changed to ${metadata.emergencyNumber}`
      : "Emergency number changed",
  "clinic.settings_changed": (metadata) => {
    const fields = Array.isArray(metadata.changed)
      ? metadata.changed.filter(
          (field): field is string => typeof field === "string" && Object.hasOwn(SETTINGS, field),
        )
      : [];
    return fields.length
      ? `Clinic settings changed: ${fields.map((field) => SETTINGS[field]).join(", ")}`
      : "Clinic settings changed";
  },
  "clinic.mfa_required": () => "Two-step sign-in required for all staff",
  "clinic.mfa_optional": () => "Two-step sign-in made optional",
  "invitation.issued": () => "Invitation sent",
  "invitation.accepted": () => "Invitation accepted",
  "invitation.email_in_use": () => "Invitation to an address already in use elsewhere",
  "staff.invited": (metadata) => `${staffRole(metadata)} invited`,
  "staff.deactivated": (metadata) => `${staffRole(metadata)} deactivated; every session ended`,
  "staff.reactivated": (metadata) => `${staffRole(metadata)} reactivated`,
  "staff.patients_reassigned": (metadata) =>
    Number.isInteger(metadata.patients)
      ? `All of a clinician's patients moved to another clinician (${metadata.patients as number})`
      : "All of a clinician's patients moved to another clinician",
  "patient.created": () => "Patient added",
  "patient.record_viewed": () => "Patient record viewed",
  "patient.reassigned": () => "Patient moved to another clinician",
  "patient.discharged": () => "Patient discharged",
  "patient.readmitted": () => "Patient re-admitted for a new episode of care",
  "patient.details_updated": () => "Patient's contact and referral details changed",
  "plan.created": (metadata) => `Plan drafted${version(metadata)}`,
  "plan.revised": (metadata) => `Plan changed${version(metadata)}`,
  "plan.activated": (metadata) => `Plan activated${version(metadata)}`,
  "plan.paused": () => "Plan paused",
  "plan.resumed": () => "Plan resumed",
  "plan.seen_by_patient": (metadata) => `Plan seen by the patient${version(metadata)}`,
  "template.created": () => "Plan template saved",
  "template.updated": () => "Plan template changed",
  "template.retired": () => "Plan template retired",
  "check_in.clear": () => "Safety check-in completed",
  "red_flag.reported": () => "Red flag reported",
  "red_flag.referred": () => "Red flag closed: referred on",
  "red_flag.discharged": () => "Red flag closed: patient discharged",
  "clearance.recorded": () => "Red flag closed: cleared to exercise",
  "alert.opened": () => "Alert opened",
  "alert.acknowledged": () => "Alert acknowledged",
  "alert.resolved": () => "Alert resolved",
  "session.logged": () => "Exercise session logged",
  "exercise.created": () => "Exercise added to the clinic's catalogue",
  "exercise.revised": (metadata) => `Clinic exercise edited, as a new version${version(metadata)}`,
  "exercise.retired": () => "Clinic exercise retired from the catalogue",
} satisfies Record<string, (metadata: Metadata) => string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** The words for one audit row. An action this version does not know is named by its code, nothing more. */
export function describeAuditAction(action: string, metadata: unknown = null): string {
  if (!isAuditAction(action)) return `Other action (${action})`;
  const fields =
    metadata !== null && typeof metadata === "object" && !Array.isArray(metadata)
      ? (metadata as Metadata)
      : {};
  return AUDIT_ACTIONS[action](fields);
}

const RECORD_TYPES: Record<string, string> = {
  User: "Account",
  Clinic: "Clinic",
  Patient: "Patient",
  Plan: "Plan",
  PlanTemplate: "Plan template",
  RedFlagReport: "Red flag report",
  Alert: "Alert",
  CheckIn: "Check-in",
  SessionLog: "Session log",
  Exercise: "Exercise",
  InvitationConflict: "Invitation",
};

/**
 * The record an audit row is about: an account or a patient by the person's name when the clinic knows it,
 * anything else by its type and the start of its id.
 */
export function describeRecord(entityType: string, entityId: string | null, name?: string | null): string {
  if (name && entityType === "User") return `Account of ${name}`;
  if (name && entityType === "Patient") return `Patient ${name}`;
  if (entityType === "Clinic") return "Clinic settings";
  const type = Object.hasOwn(RECORD_TYPES, entityType) ? RECORD_TYPES[entityType]! : "Record";
  return entityId ? `${type} ${entityId.slice(0, 8)}` : type;
}
