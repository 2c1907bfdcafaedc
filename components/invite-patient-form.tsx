"use client";

import { invitePatientAction } from "@/lib/actions/onboarding";
import { CopyLink } from "./copy-link";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

export function InvitePatientForm() {
  const { state, pending, onSubmit } = useActionForm(invitePatientAction);
  const errors = state.fieldErrors ?? {};
  if (state.ok && state.link) {
    return (
      <div className="mt-6 rounded-xl border border-emerald-200 bg-emerald-50 p-4">
        <p role="status" className="text-emerald-900">
          {state.message}
        </p>
        <CopyLink link={state.link} />
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 max-w-md space-y-5" noValidate>
      <FormMessage id="invite-message" message={state.message} />
      <div>
        <label htmlFor="name" className="block font-medium">
          Full name
        </label>
        <input
          id="name"
          name="name"
          autoComplete="off"
          className={inputClass}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? "name-error" : undefined}
        />
        <FieldError id="name-error" errors={errors.name} />
      </div>
      <div>
        <label htmlFor="email" className="block font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="off"
          className={inputClass}
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" errors={errors.email} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add patient and create invitation
      </SubmitButton>
    </form>
  );
}
