"use server";

import { revalidatePath } from "next/cache";
import { saveClinicSettings } from "@/lib/dal/admin";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { adminAction } from "./action";
import type { FormState } from "./form-state";

const save = adminAction(clinicSettingsSchema, async (settings, admin) => {
  const changed = await saveClinicSettings(admin, settings);
  revalidatePath("/admin", "layout");
  if (changed.length === 0) return { ok: true, message: "Nothing changed." };
  return {
    ok: true,
    message: `Saved. Patients paused by a red flag are told to call ${settings.emergencyNumber}.`,
  };
});

export async function saveClinicSettingsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return save(previous, formData);
}
