"use server";

import { revalidatePath } from "next/cache";
import { readmitPatient } from "@/lib/dal/episodes";
import { updatePatientDetails } from "@/lib/dal/patient-details";
import { patientIdSchema } from "@/lib/validation/onboarding";
import { patientDetailsSchema } from "@/lib/validation/patient-details";
import { clinicianAction } from "./action";
import type { FormState } from "./form-state";

const saveDetails = clinicianAction(patientDetailsSchema, async (input, user) => {
  await updatePatientDetails(user, input);
  revalidatePath(`/clinician/patients/${input.patientId}`);
  return { redirectTo: `/clinician/patients/${input.patientId}?details=saved` };
});

// A new episode starts with a new plan: the builder opens on an empty one.
const readmit = clinicianAction(patientIdSchema, async ({ patientId }, user) => {
  await readmitPatient(user, patientId);
  revalidatePath(`/clinician/patients/${patientId}`);
  return { redirectTo: `/clinician/patients/${patientId}/plan` };
});

export async function updatePatientDetailsAction(
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveDetails(previous, formData);
}
export async function readmitPatientAction(previous: FormState, formData: FormData): Promise<FormState> {
  return readmit(previous, formData);
}
