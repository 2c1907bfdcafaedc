"use server";

import { revalidatePath } from "next/cache";
import { setEmergencyNumber } from "@/lib/dal/admin";
import { emergencyNumberSchema } from "@/lib/validation/clinic-settings";
import { adminAction } from "./action";
import type { FormState } from "./form-state";

const saveEmergencyNumber = adminAction(emergencyNumberSchema, async ({ emergencyNumber }, admin) => {
  await setEmergencyNumber(admin, emergencyNumber);
  revalidatePath("/admin");
  return { ok: true, message: `Patients paused by a red flag are now told to call ${emergencyNumber}.` };
});

export async function setEmergencyNumberAction(previous: FormState, formData: FormData): Promise<FormState> {
  return saveEmergencyNumber(previous, formData);
}
