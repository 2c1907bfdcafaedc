"use client";

import Link from "next/link";
import { resetPasswordAction } from "@/lib/actions/password-reset";
import { FormMessage, SubmitButton, TextField } from "./form";
import { useActionForm } from "./use-action-form";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { state, pending, onSubmit } = useActionForm(resetPasswordAction);
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div className="mt-6 space-y-6">
        <FormMessage id="reset-message" message={state.message} tone="success" />
        <Link
          href="/login"
          className="block w-full rounded-lg bg-brand-600 px-4 py-2.5 text-center font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage id="reset-message" message={state.message} />
      <p className="text-slate-700">
        For <strong className="break-all">{email}</strong>.
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
        Set new password
      </SubmitButton>
    </form>
  );
}
