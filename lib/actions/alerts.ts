"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert, recordClearance, resolveWarning } from "@/lib/dal/alerts";
import { alertIdSchema, clearanceSchema, resolveWarningSchema } from "@/lib/validation/alerts";
import { clinicianAction } from "./action";
import type { FormState } from "./form-state";

const acknowledge = clinicianAction(alertIdSchema, async ({ alertId }, user) => {
  await acknowledgeAlert(user, alertId);
  revalidatePath("/clinician", "layout");
  return { ok: true, message: "Acknowledged." };
});

const resolve = clinicianAction(resolveWarningSchema, async ({ alertId, note }, user) => {
  await resolveWarning(user, alertId, note);
  revalidatePath("/clinician", "layout");
  return { ok: true, message: "Resolved." };
});

const clear = clinicianAction(clearanceSchema, async ({ patientId, note }, user) => {
  await recordClearance(user, patientId, note);
  revalidatePath("/clinician", "layout");
  return { ok: true, message: "Clearance recorded. The patient's plan has resumed." };
});

export async function acknowledgeAlertAction(previous: FormState, formData: FormData): Promise<FormState> {
  return acknowledge(previous, formData);
}

export async function resolveWarningAction(previous: FormState, formData: FormData): Promise<FormState> {
  return resolve(previous, formData);
}

export async function recordClearanceAction(previous: FormState, formData: FormData): Promise<FormState> {
  return clear(previous, formData);
}
