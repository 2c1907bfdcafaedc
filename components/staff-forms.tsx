"use client";

import {
  deactivateStaffAction,
  inviteStaffAction,
  reactivateStaffAction,
  reassignAllPatientsAction,
} from "@/lib/actions/staff";
import { CopyLink } from "./copy-link";
import { FieldError, FormMessage, SubmitButton, TextField, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

const buttonClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60";

export function InviteStaffForm() {
  const { state, pending, onSubmit } = useActionForm(inviteStaffAction);
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="mt-3 max-w-md space-y-4" noValidate>
      <FormMessage id="invite-staff-message" message={state.message} tone={state.ok ? "success" : "error"} />
      {state.link ? <CopyLink link={state.link} /> : null}
      <TextField name="name" label="Full name" autoComplete="off" errors={errors.name} />
      <TextField name="email" label="Email" type="email" autoComplete="off" errors={errors.email} />
      <fieldset aria-describedby={errors.role ? "role-error" : undefined}>
        <legend className="font-medium">Role</legend>
        <label className="mt-1 flex items-start gap-2">
          <input type="radio" name="role" value="CLINICIAN" defaultChecked className="mt-1.5" />
          <span>Clinician: sees the clinic&apos;s patients and builds their plans</span>
        </label>
        <label className="mt-1 flex items-start gap-2">
          <input type="radio" name="role" value="ADMIN" className="mt-1.5" />
          <span>Admin: manages staff and settings, reads the audit trail; no patient pages</span>
        </label>
        <FieldError id="role-error" errors={errors.role} />
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Inviting…">
        Invite
      </SubmitButton>
    </form>
  );
}

/** Deactivate or reactivate one account; deactivating asks first, as it signs the person out at once. */
export function StaffStatusButton({
  userId,
  name,
  active,
}: {
  userId: string;
  name: string;
  active: boolean;
}) {
  const { state, pending, onSubmit } = useActionForm(active ? deactivateStaffAction : reactivateStaffAction);
  return (
    <form
      onSubmit={(event) => {
        if (active && !window.confirm(`Deactivate ${name}? They are signed out everywhere at once.`)) {
          event.preventDefault();
          return;
        }
        onSubmit(event);
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className={`${buttonClass} ${active ? "text-red-800" : ""}`}>
        {active ? `Deactivate ${name}` : `Reactivate ${name}`}
      </button>
      <FormMessage
        id={`status-message-${userId}`}
        message={state.message}
        tone={state.ok ? "success" : "error"}
      />
    </form>
  );
}

export function ReassignAllForm({
  clinicians,
}: {
  /** Every clinician of the clinic, with how many patients each has and whether they are active. */
  clinicians: { id: string; name: string; active: boolean; patients: number }[];
}) {
  const { state, pending, onSubmit } = useActionForm(reassignAllPatientsAction);
  const errors = state.fieldErrors ?? {};
  const from = clinicians.filter((clinician) => clinician.patients > 0);
  const to = clinicians.filter((clinician) => clinician.active);
  return (
    <form onSubmit={onSubmit} className="mt-3 max-w-md space-y-4" noValidate>
      <FormMessage id="reassign-all-message" message={state.message} tone={state.ok ? "success" : "error"} />
      <div>
        <label htmlFor="fromId" className="block font-medium">
          Patients of
        </label>
        <select
          id="fromId"
          name="fromId"
          className={inputClass}
          aria-invalid={Boolean(errors.fromId)}
          aria-describedby={errors.fromId ? "fromId-error" : undefined}
        >
          {from.map((clinician) => (
            <option key={clinician.id} value={clinician.id}>
              {clinician.name} ({clinician.patients} {clinician.patients === 1 ? "patient" : "patients"})
            </option>
          ))}
        </select>
        <FieldError id="fromId-error" errors={errors.fromId} />
      </div>
      <div>
        <label htmlFor="toId" className="block font-medium">
          Move all of them to
        </label>
        <select
          id="toId"
          name="toId"
          className={inputClass}
          aria-invalid={Boolean(errors.toId)}
          aria-describedby={errors.toId ? "toId-error" : undefined}
        >
          {to.map((clinician) => (
            <option key={clinician.id} value={clinician.id}>
              {clinician.name}
            </option>
          ))}
        </select>
        <FieldError id="toId-error" errors={errors.toId} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Reassigning…">
        Reassign all patients
      </SubmitButton>
    </form>
  );
}
