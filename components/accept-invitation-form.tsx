"use client";

import { acceptInvitationAction } from "@/lib/actions/onboarding";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
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
      <div>
        <label htmlFor="password" className="block font-medium">
          New password
        </label>
        <p id="password-hint" className="text-sm text-slate-600">
          At least 12 characters. A few unrelated words are easy to remember and hard to guess.
        </p>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-describedby="password-hint"
        />
      </div>
      <div>
        <label htmlFor="confirm" className="block font-medium">
          Confirm password
        </label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.confirm)}
          aria-describedby={errors.confirm ? "confirm-error" : undefined}
        />
        <FieldError id="confirm-error" errors={errors.confirm} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set password and sign in
      </SubmitButton>
    </form>
  );
}
