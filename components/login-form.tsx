"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import { initialFormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";

export function LoginForm() {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="mt-8 space-y-5" noValidate>
      <FormMessage id="login-message" message={state.message} />
      <div>
        <label htmlFor="email" className="block font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={inputClass}
          aria-invalid={Boolean(state.fieldErrors?.email)}
          aria-describedby={state.fieldErrors?.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" errors={state.fieldErrors?.email} />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          aria-invalid={Boolean(state.fieldErrors?.password)}
          aria-describedby={state.fieldErrors?.password ? "password-error" : undefined}
        />
        <FieldError id="password-error" errors={state.fieldErrors?.password} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
