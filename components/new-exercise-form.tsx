"use client";

import { useEffect, useRef, useState } from "react";
import { createExerciseAction, editExerciseAction } from "@/lib/actions/exercises";
import type { EditableExercise } from "@/lib/dal/exercise-edits";
import { missingMovements, type MotionField } from "@/lib/domain/avoid-motions";
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

const empty: Record<MotionField, string> = { name: "", summary: "", instructions: "" };

/** Adds an exercise to the clinic's catalogue or, given one, edits it (saved as its next version). */
export function NewExerciseForm({
  alternatives,
  exercise,
}: {
  alternatives: { id: string; name: string }[];
  exercise?: EditableExercise;
}) {
  const { state, pending, onSubmit } = useActionForm(exercise ? editExerciseAction : createExerciseAction);
  const initial: MovementAttributes = exercise
    ? {
        forwardBend: exercise.forwardBend,
        twisting: exercise.twisting,
        heavySpinalLoad: exercise.heavySpinalLoad,
        highImpact: exercise.highImpact,
        competitive: exercise.competitive,
      }
    : none;
  const [attributes, setAttributes] = useState(initial);
  const [text, setText] = useState<Record<MotionField, string>>(exercise ?? empty);
  // The same rule the server and the database apply: a name such as "Sit-ups" needs its movement ticked.
  const missing = missingMovements({ ...text, ...attributes });
  const form = useRef<HTMLFormElement>(null);
  // Once an exercise is added, the form is cleared for the next one.
  useEffect(() => {
    if (!state.ok) return;
    form.current?.reset();
    // The checkboxes and the texts mirror this state; the DOM reset above cannot clear it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAttributes(none);
    setText(empty);
  }, [state]);
  const safety = deriveSafety(attributes);
  const errors = state.fieldErrors ?? {};
  const field = (name: string) => ({
    id: `exercise-${name}`,
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `exercise-${name}-error` : undefined,
  });
  const textField = (name: MotionField) => ({
    ...field(name),
    defaultValue: exercise?.[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setText((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <form ref={form} onSubmit={onSubmit} className="mt-4 grid gap-4 sm:grid-cols-2" noValidate>
      {exercise ? <input type="hidden" name="exerciseId" value={exercise.id} /> : null}
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
        <input {...textField("name")} className={inputClass} maxLength={80} required />
        <FieldError id="exercise-name-error" errors={errors.name} />
      </div>
      <div>
        <label htmlFor="exercise-category" className="block font-medium">
          Category
        </label>
        <select {...field("category")} className={inputClass} defaultValue={exercise?.category ?? "AEROBIC"}>
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
        <input {...textField("summary")} className={inputClass} maxLength={200} />
        <FieldError id="exercise-summary-error" errors={errors.summary} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="exercise-instructions" className="block font-medium">
          Instructions
        </label>
        <textarea {...textField("instructions")} rows={3} className={inputClass} maxLength={2000} />
        <FieldError id="exercise-instructions-error" errors={errors.instructions} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="exercise-formCues" className="block font-medium">
          Form cues <span className="font-normal text-slate-600">(one per line)</span>
        </label>
        <textarea
          {...field("formCues")}
          rows={3}
          className={inputClass}
          defaultValue={exercise?.formCues.join("\n")}
        />
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
            <input
              type="checkbox"
              name="warmUp"
              className="size-4"
              disabled={safety === "AVOID"}
              defaultChecked={exercise?.warmUp}
            />
            Suitable as a warm-up
          </label>
        </div>
      </fieldset>
      <div
        id="exercise-safety"
        className={`sm:col-span-2 rounded-lg px-3 py-2 text-sm ${safety === "SAFE" && missing.length === 0 ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
        aria-live="polite"
      >
        {missing.length > 0 ? (
          missing.map((reason) => <p key={`${reason.field}-${reason.motion}`}>{reason.message}</p>)
        ) : (
          <p>
            {safety === "SAFE"
              ? "Safe to prescribe: none of these movements strain the back."
              : `Avoid list. ${describeRisk(attributes)} It cannot be added to a plan.`}
          </p>
        )}
      </div>
      {safety === "AVOID" ? (
        <div>
          <label htmlFor="exercise-saferAlternativeId" className="block font-medium">
            Safer alternative
          </label>
          <select
            {...field("saferAlternativeId")}
            className={inputClass}
            defaultValue={exercise?.saferAlternativeId ?? ""}
          >
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
        <SubmitButton pending={pending} pendingLabel={exercise ? "Saving…" : "Adding…"}>
          {exercise ? "Save changes" : "Add exercise"}
        </SubmitButton>
      </div>
    </form>
  );
}
