"use server";

import { revalidatePath } from "next/cache";
import { savePlan } from "@/lib/dal/plan-writes";
import { savePlanInputSchema } from "@/lib/validation/plan";
import { clinicianAction, jsonPayload } from "./action";
import type { FormState } from "./form-state";

const savePlanHandler = clinicianAction(
  savePlanInputSchema,
  async (input, user) => {
    const saved = await savePlan(user, input);
    revalidatePath(`/clinician/patients/${input.patientId}`);
    if (!saved.changed) return { ok: true, message: "Nothing changed; the plan is as it was." };
    return { redirectTo: `/clinician/patients/${input.patientId}?saved=${saved.version}` };
  },
  // The items come as JSON; which button was pressed (save or activate) comes as its own field.
  (formData) => {
    const payload = jsonPayload(formData);
    return payload && typeof payload === "object" ? { ...payload, intent: formData.get("intent") } : payload;
  },
);

export async function savePlanAction(previous: FormState, formData: FormData): Promise<FormState> {
  return savePlanHandler(previous, formData);
}
