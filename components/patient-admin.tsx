"use client";

import {
  dischargePatientAction,
  reassignPatientAction,
  reissueInvitationAction,
} from "@/lib/actions/onboarding";
import { readmitPatientAction } from "@/lib/actions/patient-record";
import { CopyLink } from "./copy-link";
import { FormMessage, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

const buttonClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60";

/** `byEmail`: the link goes to the patient's own address (SMTP is configured) and is never shown here. */
export function ReissueInvitation({
  patientId,
  pending: invitationPending,
  byEmail,
}: {
  patientId: string;
  pending: boolean;
  byEmail: boolean;
}) {
  const { state, pending, onSubmit } = useActionForm(reissueInvitationAction);
  const what = invitationPending ? "a new invitation link" : "a password reset link";
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="patientId" value={patientId} />
      <p className="text-sm text-slate-700">
        {invitationPending
          ? "This patient has not set a password yet."
          : "Locked out? A one-time link lets this patient choose a new password; it signs them out everywhere."}
        {byEmail ? " The link is emailed to the patient's own address." : null}
      </p>
      <button type="submit" disabled={pending} aria-disabled={pending} className={`mt-2 ${buttonClass}`}>
        {pending ? (byEmail ? "Sending…" : "Making the link…") : `${byEmail ? "Email" : "Make"} ${what}`}
      </button>
      <FormMessage id="reissue-message" message={state.message} tone={state.ok ? "success" : "error"} />
      {state.link ? <CopyLink link={state.link} /> : null}
    </form>
  );
}

export function ReassignPatient({
  patientId,
  currentId,
  clinicians,
}: {
  patientId: string;
  currentId: string;
  clinicians: { id: string; name: string }[];
}) {
  const { state, pending, onSubmit } = useActionForm(reassignPatientAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="patientId" value={patientId} />
      <div>
        <label htmlFor="clinicianId" className="block text-sm font-medium">
          Assigned clinician
        </label>
        <select id="clinicianId" name="clinicianId" defaultValue={currentId} className={inputClass}>
          {clinicians.map((clinician) => (
            <option key={clinician.id} value={clinician.id}>
              {clinician.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        Reassign
      </button>
      <div className="w-full">
        <FormMessage id="reassign-message" message={state.message} tone={state.ok ? "success" : "error"} />
      </div>
    </form>
  );
}

export function DischargePatient({ patientId, patientName }: { patientId: string; patientName: string }) {
  const { state, pending, onSubmit } = useActionForm(dischargePatientAction);
  return (
    <form
      onSubmit={(event) => {
        if (!window.confirm(`Discharge ${patientName}? They will no longer be able to log sessions.`)) {
          event.preventDefault();
          return;
        }
        onSubmit(event);
      }}
    >
      <input type="hidden" name="patientId" value={patientId} />
      <button type="submit" disabled={pending} className={`${buttonClass} text-red-800`}>
        Discharge {patientName}
      </button>
      <FormMessage id="discharge-message" message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}

/** A new episode of care for a discharged patient; their earlier plans and logs stay as history. */
export function ReadmitPatient({ patientId, patientName }: { patientId: string; patientName: string }) {
  const { state, pending, onSubmit } = useActionForm(readmitPatientAction);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="patientId" value={patientId} />
      <p className="text-sm text-slate-700">
        {patientName} was discharged. Re-admitting starts a new episode with a new plan; the earlier plans and
        sessions stay below as history.
      </p>
      <button type="submit" disabled={pending} className={`mt-2 ${buttonClass}`}>
        Re-admit {patientName}
      </button>
      <FormMessage id="readmit-message" message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}
