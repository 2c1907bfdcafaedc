"use client";

import { useState } from "react";
import { closeRedFlagsAction } from "@/lib/actions/alerts";
import { RED_FLAG_OUTCOMES, type RedFlagOutcome } from "@/lib/domain/red-flags";
import { FieldError, FormMessage, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

type WaitingReport = { id: string; summary: string; referred: boolean };

/**
 * Closes the red flags a clinician has seen, with an honest outcome. The form names the reports that were on
 * screen when the clinician started: a red flag that arrives while they write (the page refreshes live) is
 * shown apart and left open, until they choose to include it.
 */
export function CloseRedFlagsForm({
  patientId,
  patientName,
  reports,
}: {
  patientId: string;
  patientName: string;
  reports: WaitingReport[];
}) {
  const { state, pending, onSubmit } = useActionForm(closeRedFlagsAction);
  const [seen, setSeen] = useState(() => reports.map((report) => report.id));
  const [outcome, setOutcome] = useState<RedFlagOutcome | null>(null);
  const [handled, setHandled] = useState(state);
  if (state !== handled) {
    // After a recorded outcome the form starts again from what is on screen now.
    setHandled(state);
    if (state.ok) {
      setSeen(reports.map((report) => report.id));
      setOutcome(null);
    }
  }
  const errors = state.fieldErrors ?? {};
  const covered = reports.filter((report) => seen.includes(report.id));
  const arrived = reports.filter((report) => !seen.includes(report.id));

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-4" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      {covered.map((report) => (
        <input key={report.id} type="hidden" name="reportIds" value={report.id} />
      ))}
      <FormMessage
        id="close-red-flags-message"
        message={state.fieldErrors ? undefined : state.message}
        tone={state.ok ? "success" : "error"}
      />
      {covered.length > 0 ? (
        <div>
          <h4 className="font-medium text-red-900">
            {covered.length === 1 ? "The red flag you are closing" : "The red flags you are closing"}
          </h4>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-red-900">
            {covered.map((report) => (
              <li key={report.id}>
                {report.summary}
                {report.referred ? " · referred for urgent care" : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {arrived.length > 0 ? (
        <div role="alert" className="rounded-lg border border-red-400 bg-white px-3 py-2 text-red-900">
          <p className="font-semibold">
            A new red flag arrived since you opened this page. This form does not cover it.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {arrived.map((report) => (
              <li key={report.id}>{report.summary}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => setSeen(reports.map((report) => report.id))}
            className="mt-2 rounded-md border border-red-300 px-3 py-1.5 text-sm font-semibold hover:bg-red-50"
          >
            I have read it: include it in this form
          </button>
        </div>
      ) : null}
      <fieldset aria-describedby={errors.outcome ? "outcome-error" : undefined}>
        <legend className="font-medium">Outcome</legend>
        <div className="mt-1 space-y-2">
          {RED_FLAG_OUTCOMES.map((option) => (
            <label key={option.code} className="flex items-start gap-3">
              <input
                type="radio"
                name="outcome"
                value={option.code}
                checked={outcome === option.code}
                onChange={() => setOutcome(option.code)}
                className="mt-1 size-5"
              />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-sm text-slate-700">{option.effect}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="outcome-error" errors={errors.outcome} />
      </fieldset>
      {outcome === "CLEARED" ? (
        <div>
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
        </div>
      ) : null}
      <div>
        <label htmlFor="close-red-flags-note" className="block font-medium">
          Note
        </label>
        <textarea
          id="close-red-flags-note"
          name="note"
          rows={2}
          className={inputClass}
          placeholder="Who saw the patient, when, and what was decided"
          aria-invalid={Boolean(errors.note)}
          aria-describedby={errors.note ? "close-red-flags-note-error" : undefined}
        />
        <FieldError id="close-red-flags-note-error" errors={errors.note ?? errors.reportIds} />
      </div>
      <button
        type="submit"
        disabled={pending || covered.length === 0}
        className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Recording…" : "Record outcome"}
      </button>
    </form>
  );
}
