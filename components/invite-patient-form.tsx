"use client";

import { invitePatientAction } from "@/lib/actions/onboarding";
import { CopyLink } from "./copy-link";
import { FormMessage, SubmitButton, TextField } from "./form";
import { useActionForm } from "./use-action-form";

export function InvitePatientForm() {
  const { state, pending, onSubmit } = useActionForm(invitePatientAction);
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div className="mt-6 rounded-xl border border-emerald-200 bg-emerald-50 p-4">
        <p role="status" className="text-emerald-900">
          {state.message}
        </p>
        {state.link ? <CopyLink link={state.link} /> : null}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 max-w-md space-y-5" noValidate>
      <FormMessage id="invite-message" message={state.message} />
      <TextField name="name" label="Full name" autoComplete="off" errors={errors.name} />
      <TextField name="email" label="Email" type="email" autoComplete="off" errors={errors.email} />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add patient and create invitation
      </SubmitButton>
    </form>
  );
}
