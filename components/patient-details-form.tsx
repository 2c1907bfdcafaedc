"use client";

import { updatePatientDetailsAction } from "@/lib/actions/patient-record";
import { PREFERRED_CONTACT_LABELS, type PreferredContactCode } from "@/lib/domain/patient-contact";
import { EARLIEST_DAY, PATIENT_DETAILS_LIMITS as LIMITS } from "@/lib/validation/limits";
import { FieldError, FormMessage, SubmitButton, TextField, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

export type PatientDetailsValues = {
  dateOfBirth: string | null;
  phone: string | null;
  preferredContact: PreferredContactCode | null;
  externalRecordNumber: string | null;
  referralReason: string | null;
  emergencyContactName: string | null;
  emergencyContactRelationship: string | null;
  emergencyContactPhone: string | null;
};

/** Every field is optional; what a field held stays in it after a refused submission. */
export function PatientDetailsForm({
  patientId,
  values,
  today,
}: {
  patientId: string;
  values: PatientDetailsValues;
  today: string;
}) {
  const { state, pending, onSubmit } = useActionForm(updatePatientDetailsAction);
  const errors = state.fieldErrors ?? {};
  const describedBy = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);
  return (
    <form onSubmit={onSubmit} className="mt-6 max-w-xl space-y-5" noValidate>
      <FormMessage id="details-message" message={state.message} />
      <input type="hidden" name="patientId" value={patientId} />
      <TextField
        name="dateOfBirth"
        label="Date of birth"
        type="date"
        min={EARLIEST_DAY}
        max={today}
        defaultValue={values.dateOfBirth ?? ""}
        errors={errors.dateOfBirth}
      />
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        autoComplete="off"
        hint="Digits, spaces and a leading + for an international number."
        defaultValue={values.phone ?? ""}
        errors={errors.phone}
      />
      <fieldset aria-describedby={describedBy("preferredContact")}>
        <legend className="font-medium">Preferred contact</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {(Object.keys(PREFERRED_CONTACT_LABELS) as PreferredContactCode[]).map((code) => (
            <label key={code} className="flex items-center gap-2">
              <input
                type="radio"
                name="preferredContact"
                value={code}
                defaultChecked={values.preferredContact === code}
                className="h-5 w-5"
              />
              {PREFERRED_CONTACT_LABELS[code]}
            </label>
          ))}
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="preferredContact"
              value=""
              defaultChecked={values.preferredContact === null}
              className="h-5 w-5"
            />
            Not recorded
          </label>
        </div>
        <FieldError id="preferredContact-error" errors={errors.preferredContact} />
      </fieldset>
      <TextField
        name="externalRecordNumber"
        label="External record number"
        hint="The patient's number in the hospital or practice record, if there is one."
        maxLength={LIMITS.externalRecordNumber}
        autoComplete="off"
        defaultValue={values.externalRecordNumber ?? ""}
        errors={errors.externalRecordNumber}
      />
      <div>
        <label htmlFor="referralReason" className="block font-medium">
          Referral reason or working diagnosis
        </label>
        <textarea
          id="referralReason"
          name="referralReason"
          rows={4}
          maxLength={LIMITS.referralReason}
          defaultValue={values.referralReason ?? ""}
          className={inputClass}
          aria-invalid={Boolean(errors.referralReason?.length)}
          aria-describedby={describedBy("referralReason")}
        />
        <FieldError id="referralReason-error" errors={errors.referralReason} />
      </div>
      <fieldset className="space-y-4 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 font-semibold">Emergency contact</legend>
        <TextField
          name="emergencyContactName"
          label="Name"
          maxLength={LIMITS.emergencyContactName}
          autoComplete="off"
          defaultValue={values.emergencyContactName ?? ""}
          errors={errors.emergencyContactName}
        />
        <TextField
          name="emergencyContactRelationship"
          label="Relationship"
          hint="For example partner, daughter, carer."
          maxLength={LIMITS.emergencyContactRelationship}
          autoComplete="off"
          defaultValue={values.emergencyContactRelationship ?? ""}
          errors={errors.emergencyContactRelationship}
        />
        <TextField
          name="emergencyContactPhone"
          label="Emergency contact phone"
          type="tel"
          autoComplete="off"
          defaultValue={values.emergencyContactPhone ?? ""}
          errors={errors.emergencyContactPhone}
        />
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save details
      </SubmitButton>
    </form>
  );
}
