"use client";

import { useEffect, useRef } from "react";
import { changePasswordAction } from "@/lib/actions/auth";
import { FormMessage, SubmitButton, TextField } from "./form";
import { useActionForm } from "./use-action-form";

export function ChangePasswordForm() {
  const { state, pending, onSubmit } = useActionForm(changePasswordAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} className="mt-3 max-w-sm space-y-4" noValidate>
      <FormMessage id="password-message" message={state.message} tone={state.ok ? "success" : "error"} />
      <TextField
        name="current"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={errors.current}
      />
      <TextField
        name="next"
        label="New password"
        type="password"
        autoComplete="new-password"
        errors={errors.next}
      />
      <TextField
        name="confirm"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        errors={errors.confirm}
      />
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
