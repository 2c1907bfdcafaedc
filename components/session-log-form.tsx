"use client";

import { useEffect, useRef, useState } from "react";
import { logSessionAction } from "@/lib/actions/session-log";
import { NOTES_MAX } from "@/lib/validation/limits";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
import { restoreSessionDraft, saveSessionDraft } from "./session-draft";
import { useActionForm } from "./use-action-form";

type Props = { planVersion: number; items: { exerciseId: string; name: string }[] };

function PainField({ name, label, error }: { name: string; label: string; error?: string[] }) {
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="number"
        inputMode="numeric"
        min={0}
        max={10}
        className={inputClass}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${name}-error` : "pain-hint"}
      />
      <FieldError id={`${name}-error`} errors={error} />
    </div>
  );
}

export function SessionLogForm({ planVersion, items }: Props) {
  const { state, pending, onSubmit } = useActionForm(logSessionAction);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const errors = state.fieldErrors ?? {};
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (form.current) restoreSessionDraft(form.current, planVersion);
  }, [planVersion]);
  // Nothing is ticked or chosen in advance: the patient says what they did and how it felt.
  return (
    <form
      ref={form}
      onSubmit={(event) => {
        saveSessionDraft(event.currentTarget, planVersion);
        onSubmit(event);
      }}
      onChange={(event) => saveSessionDraft(event.currentTarget, planVersion)}
      className="mt-6 space-y-6"
      noValidate
    >
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="planVersion" value={planVersion} />
      <FormMessage id="log-message" message={state.message} />
      <fieldset>
        <legend className="text-lg font-semibold">What did you do?</legend>
        <p className="text-sm text-slate-600">Tick each exercise you did.</p>
        <div className="mt-2 space-y-2">
          {items.map((item) => (
            <label
              key={item.exerciseId}
              className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-3"
            >
              <input type="checkbox" name="exerciseIds" value={item.exerciseId} className="size-5" />
              {item.name}
            </label>
          ))}
        </div>
        <FieldError id="exerciseIds-error" errors={errors.exerciseIds} />
      </fieldset>
      <div>
        <p id="pain-hint" className="text-sm text-slate-600">
          Pain from 0 (none) to 10 (the worst you can imagine).
        </p>
        <div className="mt-2 grid grid-cols-2 gap-4">
          <PainField name="painBefore" label="Pain before" error={errors.painBefore} />
          <PainField name="painAfter" label="Pain after" error={errors.painAfter} />
        </div>
      </div>
      <fieldset aria-describedby={errors.discomfort ? "discomfort-error" : undefined}>
        <legend className="font-semibold">How does it feel now?</legend>
        <div className="mt-2 space-y-2">
          {[
            { value: "NONE", label: "No discomfort" },
            { value: "SORENESS", label: "Soreness, like the day after a new workout" },
            { value: "PAIN", label: "Pain" },
          ].map((option) => (
            <label key={option.value} className="flex items-center gap-3">
              <input type="radio" name="discomfort" value={option.value} className="size-5" />
              {option.label}
            </label>
          ))}
        </div>
        <FieldError id="discomfort-error" errors={errors.discomfort} />
      </fieldset>
      <label className="flex items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-3 font-medium">
        <input type="checkbox" name="worseOrSpread" className="size-5" />
        My pain got worse or spread
      </label>
      <div>
        <label htmlFor="notes" className="block font-semibold">
          Notes
        </label>
        <textarea
          id="notes"
          name="notes"
          rows={3}
          maxLength={NOTES_MAX}
          className={inputClass}
          aria-invalid={Boolean(errors.notes)}
          aria-describedby={errors.notes ? "notes-error" : undefined}
        />
        <FieldError id="notes-error" errors={errors.notes} />
      </div>
      <div className="max-w-xs">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save session
        </SubmitButton>
      </div>
    </form>
  );
}
