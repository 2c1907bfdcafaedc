"use client";

import { setEmergencyNumberAction } from "@/lib/actions/clinic";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

export function EmergencyNumberForm({ emergencyNumber }: { emergencyNumber: string }) {
  const { state, pending, onSubmit } = useActionForm(setEmergencyNumberAction);
  const error = state.fieldErrors?.emergencyNumber;
  return (
    <form onSubmit={onSubmit} className="mt-3 max-w-md space-y-3" noValidate>
      <FormMessage
        id="emergency-number-message"
        message={state.fieldErrors ? undefined : state.message}
        tone={state.ok ? "success" : "error"}
      />
      <div>
        <label htmlFor="emergencyNumber" className="block font-medium">
          Emergency number
        </label>
        <p id="emergencyNumber-hint" className="text-sm text-slate-600">
          A patient who reports a red flag is told to seek immediate medical attention and shown this number
          to call. It starts as 999, the UK&apos;s: change it to the emergency number where your patients
          live.
        </p>
        <input
          id="emergencyNumber"
          name="emergencyNumber"
          inputMode="tel"
          defaultValue={emergencyNumber}
          className={`${inputClass} max-w-48`}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "emergencyNumber-hint emergencyNumber-error" : "emergencyNumber-hint"}
        />
        <FieldError id="emergencyNumber-error" errors={error} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save emergency number
      </SubmitButton>
    </form>
  );
}
