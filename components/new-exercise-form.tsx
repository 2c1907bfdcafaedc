"use client";

import { useEffect, useRef, useState } from "react";
import { createExerciseAction } from "@/lib/actions/exercises";
import {
  MOVEMENT_ATTRIBUTES,
  deriveSafety,
  describeRisk,
  type MovementAttributes,
} from "@/lib/domain/exercise-safety";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/validation/exercise";
import { FieldError, FormMessage, SubmitButton, inputClass } from "./form";
import { useActionForm } from "./use-action-form";

const none: MovementAttributes = {
  forwardBend: false,
  twisting: false,
  heavySpinalLoad: false,
  highImpact: false,
  competitive: false,
};

export function NewExerciseForm({ alternatives }: { alternatives: { id: string; name: string }[] }) {
  const { state, pending, onSubmit } = useActionForm(createExerciseAction);
  const [attributes, setAttributes] = useState(none);
  const form = useRef<HTMLFormElement>(null);
  // Once an exercise is added, the form is cleared for the next one.
  useEffect(() => {
    if (!state.ok) return;
    form.current?.reset();
    // The checkboxes mirror this state; the DOM reset above cannot clear it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAttributes(none);
  }, [state]);
  const safety = deriveSafety(attributes);
  const errors = state.fieldErrors ?? {};
  const field = (name: string) => ({
    id: `exercise-${name}`,
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `exercise-${name}-error` : undefined,
  });

  return (
    <form ref={form} onSubmit={onSubmit} className="mt-4 grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage
          id="new-exercise-message"
          message={state.message}
          tone={state.ok ? "success" : "error"}
        />
      </div>
      <div>
        <label htmlFor="exercise-name" className="block font-medium">
          Name
        </label>
        <input {...field("name")} className={inputClass} maxLength={80} required />
        <FieldError id="exercise-name-error" errors={errors.name} />
      </div>
      <div>
        <label htmlFor="exercise-category" className="block font-medium">
          Category
        </label>
        <select {...field("category")} className={inputClass} defaultValue="AEROBIC">
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABELS[category]}
            </option>
          ))}
        </select>
        <FieldError id="exercise-category-error" errors={errors.category} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="exercise-summary" className="block font-medium">
          Summary
        </label>
        <input {...field("summary")} className={inputClass} maxLength={200} />
        <FieldError id="exercise-summary-error" errors={errors.summary} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="exercise-instructions" className="block font-medium">
          Instructions
        </label>
        <textarea {...field("instructions")} rows={3} className={inputClass} maxLength={2000} />
        <FieldError id="exercise-instructions-error" errors={errors.instructions} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="exercise-formCues" className="block font-medium">
          Form cues <span className="font-normal text-slate-600">(one per line)</span>
        </label>
        <textarea {...field("formCues")} rows={3} className={inputClass} />
        <FieldError id="exercise-formCues-error" errors={errors.formCues} />
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="font-medium">Movements</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {MOVEMENT_ATTRIBUTES.map((attribute) => (
            <label key={attribute.key} className="flex items-center gap-2">
              <input
                type="checkbox"
                name={attribute.key}
                checked={attributes[attribute.key]}
                onChange={(event) => setAttributes({ ...attributes, [attribute.key]: event.target.checked })}
                className="size-4"
              />
              {attribute.label}
            </label>
          ))}
          <label className="flex items-center gap-2">
            <input type="checkbox" name="warmUp" className="size-4" disabled={safety === "AVOID"} />
            Suitable as a warm-up
          </label>
        </div>
      </fieldset>
      <p
        className={`sm:col-span-2 rounded-lg px-3 py-2 text-sm ${safety === "SAFE" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
        aria-live="polite"
      >
        {safety === "SAFE"
          ? "Safe to prescribe: none of these movements strain the back."
          : `Avoid list. ${describeRisk(attributes)} It cannot be added to a plan.`}
      </p>
      {safety === "AVOID" ? (
        <div>
          <label htmlFor="exercise-saferAlternativeId" className="block font-medium">
            Safer alternative
          </label>
          <select {...field("saferAlternativeId")} className={inputClass} defaultValue="">
            <option value="">None</option>
            {alternatives.map((alternative) => (
              <option key={alternative.id} value={alternative.id}>
                {alternative.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="sm:col-span-2 sm:max-w-xs">
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add exercise
        </SubmitButton>
      </div>
    </form>
  );
}
