"use client";

import Link from "next/link";
import { requestPasswordResetAction } from "@/lib/actions/password-reset";
import { FormMessage, SubmitButton, TextField } from "./form";
import { useActionForm } from "./use-action-form";

export function ForgotPasswordForm() {
  const { state, pending, onSubmit } = useActionForm(requestPasswordResetAction);
  if (state.ok) {
    return (
      <div className="mt-8 space-y-6">
        <FormMessage id="forgot-message" message={state.message} tone="success" />
        <Link href="/login" className="inline-block font-medium text-brand-700 underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      <FormMessage id="forgot-message" message={state.message} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        hint="The address you sign in with. We will email it a link to choose a new password."
        errors={state.fieldErrors?.email}
      />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Email me a reset link
      </SubmitButton>
      <p className="text-center">
        <Link href="/login" className="font-medium text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
