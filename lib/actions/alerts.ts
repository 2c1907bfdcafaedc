"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert, closeRedFlags, resolveWarning } from "@/lib/dal/alerts";
import type { RedFlagOutcome } from "@/lib/domain/red-flags";
import { alertIdSchema, closeRedFlagsSchema, resolveWarningSchema } from "@/lib/validation/alerts";
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

const CLOSED: Record<RedFlagOutcome, string> = {
  CLEARED: "Clearance recorded. The patient's plan has resumed.",
  REFERRED: "Referral recorded. The patient's plan stays paused until a doctor clears them to exercise.",
  DISCHARGED: "Discharge recorded. The patient's plan is completed.",
};

const close = clinicianAction(
  closeRedFlagsSchema,
  async ({ patientId, reportIds, outcome, note }, user) => {
    const result = await closeRedFlags(user, { patientId, reportIds, outcome, note });
    revalidatePath("/clinician", "layout");
    if (result.newerReportsOpen > 0) {
      return {
        ok: true,
        message:
          `Recorded for the red ${result.closed === 1 ? "flag" : "flags"} you saw. A new red flag arrived ` +
          "since you opened this page: the patient stays paused until you close it too.",
      };
    }
    return { ok: true, message: CLOSED[outcome] };
  },
  (formData) => ({
    patientId: formData.get("patientId"),
    reportIds: formData.getAll("reportIds"),
    outcome: formData.get("outcome") ?? undefined,
    confirmed: formData.get("confirmed") ?? undefined,
    note: formData.get("note") ?? "",
  }),
);

export async function acknowledgeAlertAction(previous: FormState, formData: FormData): Promise<FormState> {
  return acknowledge(previous, formData);
}

export async function resolveWarningAction(previous: FormState, formData: FormData): Promise<FormState> {
  return resolve(previous, formData);
}

export async function closeRedFlagsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return close(previous, formData);
}
