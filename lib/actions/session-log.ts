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
// stored with them. One that cannot (an answer missing, the check-in out of date, the plan paused, even an
// unexpected failure) still keeps them: very severe pain takes the red-flag path on its own, keyed by the
// form's idempotency key, and "worse or spread" opens a warning, before the form is sent back.
const saveSession = patientAction(
  sessionLogFormSchema,
  async ({ log, issues, signals }, user) => {
    const severe = isSeverePain(signals.painAfter) || isSeverePain(signals.painBefore);
    let refusal: DomainError | null = null;
    let failure: unknown = null;
    if (log) {
      try {
        const { sessionLogId } = await logSession(user, log);
        alertsChanged();
        return { redirectTo: `/patient/log/${sessionLogId}` };
      } catch (error) {
        if (error instanceof DomainError) refusal = error;
        else if (severe || signals.worseOrSpread) failure = error;
        else throw error;
      }
    }
    // The red flag first: whatever else fails, it is stored.
    if (severe) {
      const { checkInId } = await submitCheckIn(user, {
        idempotencyKey: signals.idempotencyKey ?? randomUUID(),
        redFlags: [],
        painScore: Math.max(signals.painAfter ?? 0, signals.painBefore ?? 0),
      });
      alertsChanged();
      if (signals.worseOrSpread) {
        await reportWorseOrSpread(user).catch((error: unknown) =>
          console.error("[session log] the worse-or-spread warning beside a red flag failed", error),
        );
      }
      return { redirectTo: `/patient/check-in/${checkInId}` };
    }
    if (signals.worseOrSpread) {
      await reportWorseOrSpread(user);
      alertsChanged();
      if (failure) throw failure;
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
