"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton, TextField } from "./form";
import { useActionForm } from "./use-action-form";

/** Recovery codes, shown once: the person is asked to keep them before going on. */
export function RecoveryCodeList({ codes, continueHref }: { codes: string[]; continueHref?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="recovery-heading"
      className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id="recovery-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Your recovery codes
      </h2>
      <p className="mt-1 text-slate-800">
        Keep these somewhere safe, away from your phone: a password manager, or printed. Each works once, in
        place of a code from the app, if you lose your phone. They will not be shown again.
      </p>
      <ol
        aria-label="Recovery codes"
        className="mt-3 grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-5"
      >
        {codes.map((code) => (
          <li key={code} className="rounded-md border border-amber-200 bg-white px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ol>
      {continueHref ? (
        <Link
          href={continueHref}
          className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          I have saved my codes, continue
        </Link>
      ) : null}
    </section>
  );
}

/**
 * A form with one code field, for every step of two-step sign-in. When the action hands back recovery
 * codes, they replace the form.
 */
export function MfaCodeForm({
  id,
  action,
  label,
  hint,
  submitLabel,
  pendingLabel,
  digitsOnly = false,
  tone = "primary",
  continueHref,
}: {
  id: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  /** True where only the app's 6-digit code is accepted (no recovery codes). */
  digitsOnly?: boolean;
  tone?: "primary" | "danger";
  continueHref?: string;
}) {
  const { state, pending, onSubmit } = useActionForm(action);
  if (state.recoveryCodes) {
    return (
      <>
        <FormMessage id={`${id}-message`} message={state.message} tone="success" />
        <RecoveryCodeList codes={state.recoveryCodes} continueHref={continueHref} />
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-3 max-w-sm space-y-4" noValidate aria-label={submitLabel}>
      <FormMessage id={`${id}-message`} message={state.message} tone={state.ok ? "success" : "error"} />
      <TextField
        name="code"
        id={`${id}-code`}
        label={label}
        hint={hint}
        autoComplete="one-time-code"
        inputMode={digitsOnly ? "numeric" : "text"}
        pattern={digitsOnly ? "[0-9]{6}" : undefined}
        maxLength={20}
        spellCheck={false}
        autoCapitalize="none"
        required
        errors={state.fieldErrors?.code}
      />
      {tone === "danger" ? (
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-lg border border-red-300 bg-white px-4 py-2.5 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70"
        >
          {pending ? pendingLabel : submitLabel}
        </button>
      ) : (
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      )}
    </form>
  );
}
