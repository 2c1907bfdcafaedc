"use client";

import { acceptInvitationAction } from "@/lib/actions/onboarding";
import { FormMessage, SubmitButton, TextField } from "./form";
import { useActionForm } from "./use-action-form";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const { state, pending, onSubmit } = useActionForm(acceptInvitationAction);
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage id="accept-message" message={state.message} />
      <p className="text-slate-700">
        You will sign in with <strong>{email}</strong>.
      </p>
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words are easy to remember and hard to guess."
        errors={errors.password}
      />
      <TextField
        name="confirm"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        errors={errors.confirm}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set password and sign in
      </SubmitButton>
    </form>
  );
}
