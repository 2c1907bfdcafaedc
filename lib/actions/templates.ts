"use server";

import { revalidatePath } from "next/cache";
import { retireTemplate, saveTemplate } from "@/lib/dal/templates";
import { retireTemplateInputSchema, saveTemplateInputSchema } from "@/lib/validation/template";
import { clinicianAction, jsonPayload } from "./action";
import type { FormState } from "./form-state";

const saveTemplateHandler = clinicianAction(
  saveTemplateInputSchema,
  async (input, user) => {
    const saved = await saveTemplate(user, input);
    revalidatePath("/clinician/templates");
    return {
      ok: true,
      message: saved.created
        ? `The template ${input.name} was saved for your clinic.`
        : `The template ${input.name} was updated.`,
    };
  },
  jsonPayload,
);

export async function saveTemplateAction(previous: FormState, formData: FormData): Promise<FormState> {
  return saveTemplateHandler(previous, formData);
}

const retireTemplateHandler = clinicianAction(retireTemplateInputSchema, async (input, user) => {
  await retireTemplate(user, input.templateId);
  revalidatePath("/clinician/templates");
  return { redirectTo: "/clinician/templates?retired=1" };
});

export async function retireTemplateAction(previous: FormState, formData: FormData): Promise<FormState> {
  return retireTemplateHandler(previous, formData);
}
