"use client";

import { saveClinicSettingsAction } from "@/lib/actions/clinic";
import type { ClinicSettings } from "@/lib/validation/clinic-settings";
import { FieldError, FormMessage, SubmitButton, TextField, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

/** The clinic's settings in one form; `timeZones` is every IANA zone, offered as a searchable list. */
export function ClinicSettingsForm({
  settings,
  timeZones,
}: {
  settings: ClinicSettings;
  timeZones: readonly string[];
}) {
  const { state, pending, onSubmit } = useActionForm(saveClinicSettingsAction);
  const errors = state.fieldErrors ?? {};
  const describedBy = (field: string, hint: boolean) =>
    [hint ? `${field}-hint` : null, errors[field] ? `${field}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <form onSubmit={onSubmit} className="mt-6 max-w-xl space-y-5" noValidate>
      <FormMessage
        id="clinic-settings-message"
        message={state.message}
        tone={state.ok ? "success" : "error"}
      />
      <TextField
        name="name"
        label="Clinic name"
        autoComplete="organization"
        defaultValue={settings.name}
        errors={errors.name}
      />
      <div>
        <label htmlFor="address" className="block font-medium">
          Address
        </label>
        <textarea
          id="address"
          name="address"
          rows={3}
          autoComplete="street-address"
          defaultValue={settings.address ?? ""}
          className={inputClass}
          aria-invalid={Boolean(errors.address)}
          aria-describedby={describedBy("address", false)}
        />
        <FieldError id="address-error" errors={errors.address} />
      </div>
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        autoComplete="tel"
        hint="The clinic's own number, for patients with questions. Leave empty for none."
        defaultValue={settings.phone ?? ""}
        errors={errors.phone}
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
          defaultValue={settings.emergencyNumber}
          className={`${inputClass} max-w-48`}
          aria-invalid={Boolean(errors.emergencyNumber)}
          aria-describedby={describedBy("emergencyNumber", true)}
        />
        <FieldError id="emergencyNumber-error" errors={errors.emergencyNumber} />
      </div>
      <div>
        <label htmlFor="timeZone" className="block font-medium">
          Time zone
        </label>
        <p id="timeZone-hint" className="text-sm text-slate-600">
          Every date and time the clinic&apos;s staff and patients see is in this zone, unless a person chose
          their own. Type to search, such as &quot;London&quot; or &quot;New_York&quot;.
        </p>
        <input
          id="timeZone"
          name="timeZone"
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
          defaultValue={settings.timeZone}
          className={inputClass}
          aria-invalid={Boolean(errors.timeZone)}
          aria-describedby={describedBy("timeZone", true)}
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <FieldError id="timeZone-error" errors={errors.timeZone} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}
