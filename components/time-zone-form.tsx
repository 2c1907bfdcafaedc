"use client";

import { setOwnTimeZoneAction } from "@/lib/actions/account";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

/**
 * The person's own time zone: "my clinic's" (no choice of their own, so a change of the clinic's zone
 * reaches them) or any IANA zone. `zones` comes from the server, which renders the options.
 */
export function TimeZoneForm({
  own,
  clinic,
  zones,
}: {
  own: string | null;
  clinic: string;
  zones: readonly string[];
}) {
  const { state, pending, onSubmit } = useActionForm(setOwnTimeZoneAction);
  const error = state.fieldErrors?.timeZone;
  return (
    <form onSubmit={onSubmit} className="mt-3 max-w-md space-y-3" noValidate>
      <FormMessage
        id="time-zone-message"
        message={state.fieldErrors ? undefined : state.message}
        tone={state.ok ? "success" : "error"}
      />
      <div>
        <label htmlFor="timeZone" className="block font-medium">
          Time zone
        </label>
        <p id="timeZone-hint" className="text-sm text-slate-600">
          Every date and time you see, and what counts as today, follows this zone.
        </p>
        <select
          id="timeZone"
          name="timeZone"
          defaultValue={own ?? ""}
          className={inputClass}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "timeZone-hint timeZone-error" : "timeZone-hint"}
        >
          <option value="">My clinic&apos;s ({clinic})</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <FieldError id="timeZone-error" errors={error} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save time zone
      </SubmitButton>
    </form>
  );
}
