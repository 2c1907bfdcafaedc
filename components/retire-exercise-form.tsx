"use client";

import { retireExerciseAction } from "@/lib/actions/exercises";
import { FormMessage, SubmitButton } from "./form";
import { useActionForm } from "./use-action-form";

/** Retires a clinic exercise: it leaves the catalogue, and plans that hold it keep it. */
export function RetireExerciseForm({ exerciseId }: { exerciseId: string }) {
  const { state, pending, onSubmit } = useActionForm(retireExerciseAction);
  return (
    <form onSubmit={onSubmit} className="mt-4 grid gap-3 sm:max-w-xs">
      <FormMessage id="retire-exercise-message" message={state.message} />
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <SubmitButton pending={pending} pendingLabel="Retiring…">
        Retire exercise
      </SubmitButton>
    </form>
  );
}
