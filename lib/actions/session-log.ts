"use server";

import { revalidatePath } from "next/cache";
import { LIMITS, enforce } from "@/lib/dal/rate-limit";
import { logSession } from "@/lib/dal/session-logs";
import { env } from "@/lib/env";
import { realtimeHub } from "@/lib/realtime/hub";
import { sessionLogInputSchema } from "@/lib/validation/session-log";
import { patientAction } from "./action";
import type { FormState } from "./form-state";

const saveSession = patientAction(
  sessionLogInputSchema,
  async (input, user) => {
    await enforce(`session-log:${user.patientId}`, LIMITS.sessionLogPerPatient, "session logs");
    const { sessionLogId } = await logSession(user, input);
    void realtimeHub(env.DATABASE_URL).kick();
    revalidatePath("/patient", "layout");
    return { redirectTo: `/patient/log/${sessionLogId}` };
  },
  (formData) => ({
    idempotencyKey: formData.get("idempotencyKey"),
    planVersion: formData.get("planVersion"),
    exerciseIds: formData.getAll("exerciseIds"),
    painBefore: formData.get("painBefore"),
    painAfter: formData.get("painAfter"),
    discomfort: formData.get("discomfort") ?? undefined,
    worseOrSpread: formData.get("worseOrSpread") === "on",
    notes: formData.get("notes") ?? "",
  }),
);

export async function logSessionAction(previous: FormState, formData: FormData): Promise<FormState> {
  return saveSession(previous, formData);
}
