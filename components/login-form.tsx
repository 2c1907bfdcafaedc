"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import { initialFormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton, TextField } from "./form";

export function LoginForm() {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="mt-8 space-y-5" noValidate>
      <FormMessage id="login-message" message={state.message} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        errors={state.fieldErrors?.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
