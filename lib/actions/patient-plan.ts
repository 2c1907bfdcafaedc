"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { acknowledgePlan } from "@/lib/dal/patients";
import { patientAction } from "./action";
import type { FormState } from "./form-state";

const acknowledgeSchema = z.object({ planId: z.uuid(), version: z.coerce.number().int().min(1) }).strict();

const acknowledge = patientAction(acknowledgeSchema, async (input, user) => {
  await acknowledgePlan(user, input);
  revalidatePath("/patient");
  return { ok: true };
});

export async function acknowledgePlanAction(previous: FormState, formData: FormData): Promise<FormState> {
  return acknowledge(previous, formData);
}
