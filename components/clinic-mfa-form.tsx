"use client";

import { setClinicMfaRequiredAction } from "@/lib/actions/mfa";
import { FormMessage, SubmitButton } from "./form";
import { useActionForm } from "./use-action-form";

export function ClinicMfaForm({ required }: { required: boolean }) {
  const { state, pending, onSubmit } = useActionForm(setClinicMfaRequiredAction);
  return (
    <form onSubmit={onSubmit} className="mt-3 max-w-md space-y-3" noValidate>
      <FormMessage id="clinic-mfa-message" message={state.message} tone={state.ok ? "success" : "error"} />
      <fieldset>
        <legend className="font-medium">Two-step sign-in for clinicians and admins</legend>
        <label className="mt-2 flex items-start gap-2">
          <input type="radio" name="required" value="off" defaultChecked={!required} className="mt-1.5" />
          <span>Optional: each person chooses on their account page</span>
        </label>
        <label className="mt-2 flex items-start gap-2">
          <input type="radio" name="required" value="on" defaultChecked={required} className="mt-1.5" />
          <span>
            Required: anyone not set up is asked to set it up at their next page, before any patient data
          </span>
        </label>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
