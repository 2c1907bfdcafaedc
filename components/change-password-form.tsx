"use client";

import { useEffect, useRef } from "react";
import { changePasswordAction } from "@/lib/actions/auth";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

const FIELDS = [
  { name: "current", label: "Current password", autoComplete: "current-password" },
  { name: "next", label: "New password", autoComplete: "new-password" },
  { name: "confirm", label: "Confirm new password", autoComplete: "new-password" },
] as const;

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
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`password-${field.name}`} className="block font-medium">
            {field.label}
          </label>
          <input
            id={`password-${field.name}`}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            className={inputClass}
            aria-invalid={Boolean(errors[field.name])}
            aria-describedby={errors[field.name] ? `password-${field.name}-error` : undefined}
          />
          <FieldError id={`password-${field.name}-error`} errors={errors[field.name]} />
        </div>
      ))}
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
