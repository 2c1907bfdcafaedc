"use server";

import { revalidatePath } from "next/cache";
import { editClinicExercise, retireClinicExercise } from "@/lib/dal/exercise-edits";
import { createClinicExercise } from "@/lib/dal/exercises";
import {
  clinicExerciseInputSchema,
  editExerciseInputSchema,
  retireExerciseInputSchema,
} from "@/lib/validation/exercise";
import { clinicianAction } from "./action";
import type { FormState } from "./form-state";

const createExercise = clinicianAction(clinicExerciseInputSchema, async (input, user) => {
  const exercise = await createClinicExercise(user, input);
  revalidatePath("/clinician/exercises");
  return {
    ok: true,
    message:
      exercise.safety === "SAFE"
        ? `${exercise.name} was added to your clinic's catalogue.`
        : `${exercise.name} was added to your clinic's avoid list: its movements make it unsafe with lower back pain.`,
  };
});

export async function createExerciseAction(previous: FormState, formData: FormData): Promise<FormState> {
  return createExercise(previous, formData);
}

const editExercise = clinicianAction(editExerciseInputSchema, async (input, user) => {
  await editClinicExercise(user, input);
  revalidatePath("/clinician/exercises");
  return { ok: true, redirectTo: "/clinician/exercises" };
});

export async function editExerciseAction(previous: FormState, formData: FormData): Promise<FormState> {
  return editExercise(previous, formData);
}

const retireExercise = clinicianAction(retireExerciseInputSchema, async (input, user) => {
  await retireClinicExercise(user, input.exerciseId);
  revalidatePath("/clinician/exercises");
  return { ok: true, redirectTo: "/clinician/exercises" };
});

export async function retireExerciseAction(previous: FormState, formData: FormData): Promise<FormState> {
  return retireExercise(previous, formData);
}
