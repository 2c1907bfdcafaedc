"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { logSession, reportWorseOrSpread } from "@/lib/dal/session-logs";
import { DomainError } from "@/lib/domain/errors";
import { isSeverePain } from "@/lib/domain/red-flags";
import { env } from "@/lib/env";
import { realtimeHub } from "@/lib/realtime/hub";
import { sessionLogFormSchema } from "@/lib/validation/session-log";
import { fieldErrorsOf, patientAction } from "./action";
import type { FormState } from "./form-state";

/** An alert is committed with its outbox row; publishing now, not on the relay's next tick, gets it out in seconds. */
function alertsChanged() {
  void realtimeHub(env.DATABASE_URL).kick();
  revalidatePath("/patient", "layout");
}

// The session's clinical signals come before the form's other answers. A session that can be stored is
// stored with them. One that cannot (an answer missing, the check-in out of date, the plan paused) still
// keeps them: very severe pain after the session takes the red-flag path on its own, keyed by the form's
// idempotency key, and "worse or spread" opens a warning, before the form is sent back to be corrected.
const saveSession = patientAction(
  sessionLogFormSchema,
  async ({ log, issues, signals }, user) => {
    let refusal: DomainError | null = null;
    if (log) {
      try {
        const { sessionLogId } = await logSession(user, log);
        alertsChanged();
        return { redirectTo: `/patient/log/${sessionLogId}` };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusal = error;
      }
    }
    if (signals.worseOrSpread) {
      await reportWorseOrSpread(user);
      alertsChanged();
    }
    if (isSeverePain(signals.painAfter)) {
      const { checkInId } = await submitCheckIn(user, {
        idempotencyKey: signals.idempotencyKey ?? randomUUID(),
        redFlags: [],
        painScore: signals.painAfter,
      });
      alertsChanged();
      return { redirectTo: `/patient/check-in/${checkInId}` };
    }
    if (signals.worseOrSpread) {
      // Stopping comes before checking in again: the patient is told so here, not sent on to a check-in.
      const stop = "Stop now and rest: your clinician has been told that your pain got worse or spread.";
      return {
        message: `${stop} ${refusal?.message ?? "Some answers need another look."}`,
        fieldErrors: refusal ? undefined : fieldErrorsOf(issues),
        issues: refusal?.issues,
      };
    }
    if (refusal?.code === "CHECK_IN_NEEDED") return { redirectTo: "/patient/check-in?next=log" };
    if (refusal) return { message: refusal.message, issues: refusal.issues };
    return { message: "Some answers need another look.", fieldErrors: fieldErrorsOf(issues) };
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
