"use client";

import { useState } from "react";
import { checkInAction } from "@/lib/actions/check-in";
import { RED_FLAGS } from "@/lib/domain/red-flags";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

export function CheckInForm() {
  const { state, pending, onSubmit } = useActionForm(checkInAction);
  // One key per visit to the form: a double click or a retried request carries the same key and is stored once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-6" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage id="check-in-message" message={state.message} />
      <fieldset>
        <legend className="text-lg font-semibold">Do you have any of these right now?</legend>
        <p className="text-sm text-slate-600">Tick every one that applies.</p>
        <div className="mt-3 space-y-2">
          {RED_FLAGS.map((flag) => (
            <label
              key={flag.code}
              className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-3"
            >
              <input type="checkbox" name="redFlags" value={flag.code} className="size-5" />
              <span>{flag.label}</span>
            </label>
          ))}
        </div>
        <FieldError id="redFlags-error" errors={errors.redFlags} />
      </fieldset>
      <div>
        <label htmlFor="painScore" className="block text-lg font-semibold">
          Your pain right now (0-10)
        </label>
        <p id="painScore-hint" className="text-sm text-slate-600">
          0 is no pain, 10 is the worst pain you can imagine. If you ticked a symptom above, you can leave
          this blank.
        </p>
        <input
          id="painScore"
          name="painScore"
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          className={`${inputClass} max-w-32`}
          aria-invalid={Boolean(errors.painScore)}
          aria-describedby={errors.painScore ? "painScore-hint painScore-error" : "painScore-hint"}
        />
        <FieldError id="painScore-error" errors={errors.painScore} />
      </div>
      <div className="max-w-xs">
        <SubmitButton pending={pending} pendingLabel="Checking…">
          Continue
        </SubmitButton>
      </div>
    </form>
  );
}
