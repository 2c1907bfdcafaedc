"use client";

import { useActionState } from "react";
import { acknowledgeAlertAction, recordClearanceAction, resolveWarningAction } from "@/lib/actions/alerts";
import { initialFormState } from "@/lib/actions/form-state";
import { FieldError, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

export function AcknowledgeButton({ alertId, patientName }: { alertId: string; patientName: string }) {
  const [state, action, pending] = useActionState(acknowledgeAlertAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="alertId" value={alertId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Acknowledge alert for ${patientName}`}
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? "Acknowledging…" : "Acknowledge"}
      </button>
      {state.message && !state.ok ? <p className="mt-1 text-sm text-red-700">{state.message}</p> : null}
    </form>
  );
}

export function ResolveWarningForm({ alertId }: { alertId: string }) {
  const { state, pending, onSubmit } = useActionForm(resolveWarningAction);
  const id = `resolve-${alertId}`;
  return (
    <form onSubmit={onSubmit} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="alertId" value={alertId} />
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-note`} className="block text-sm font-medium">
          Resolution note
        </label>
        <input
          id={`${id}-note`}
          name="note"
          className={inputClass}
          aria-invalid={Boolean(state.fieldErrors?.note)}
          aria-describedby={state.fieldErrors?.note ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} errors={state.fieldErrors?.note} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50"
      >
        Resolve
      </button>
      {state.message && !state.fieldErrors ? (
        <p className="w-full text-sm text-red-700">{state.message}</p>
      ) : null}
    </form>
  );
}

export function ClearanceForm({ patientId, patientName }: { patientId: string; patientName: string }) {
  const { state, pending, onSubmit } = useActionForm(recordClearanceAction);
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="confirmed"
          className="mt-1 size-5"
          aria-describedby={errors.confirmed ? "confirmed-error" : undefined}
        />
        <span>A doctor has cleared {patientName} to exercise again.</span>
      </label>
      <FieldError id="confirmed-error" errors={errors.confirmed} />
      <div>
        <label htmlFor="clearance-note" className="block font-medium">
          Clearance note
        </label>
        <textarea
          id="clearance-note"
          name="note"
          rows={2}
          className={inputClass}
          placeholder="Who cleared the patient, when, and any restrictions"
          aria-invalid={Boolean(errors.note)}
          aria-describedby={errors.note ? "clearance-note-error" : undefined}
        />
        <FieldError id="clearance-note-error" errors={errors.note} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Recording…" : "Record clearance"}
      </button>
      {state.message && !state.fieldErrors ? (
        <p role="status" className={state.ok ? "text-emerald-800" : "text-red-700"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
