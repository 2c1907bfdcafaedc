"use client";

import { useActionState } from "react";
import { acknowledgeAlertAction, resolveWarningAction } from "@/lib/actions/alerts";
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
