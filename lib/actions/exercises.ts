"use server";

import { revalidatePath } from "next/cache";
import { createClinicExercise } from "@/lib/dal/exercises";
import { clinicExerciseInputSchema } from "@/lib/validation/exercise";
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
