"use server";

import { revalidatePath } from "next/cache";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { env } from "@/lib/env";
import { realtimeHub } from "@/lib/realtime/hub";
import { checkInInputSchema } from "@/lib/validation/check-in";
import { patientAction } from "./action";
import type { FormState } from "./form-state";

const checkIn = patientAction(
  checkInInputSchema,
  async (input, user) => {
    // Red flags are assessed before anything else on the form (lib/validation/check-in.ts); the rate limit
    // applies to clear check-ins only, after the idempotency key is looked up (lib/dal/check-ins.ts).
    const result = await submitCheckIn(user, input);
    if (result.outcome === "RED_FLAG") {
      // The alert is already committed with its outbox row; publishing now, not on the relay's next tick,
      // is what gets it to the clinician within seconds.
      void realtimeHub(env.DATABASE_URL).kick();
      revalidatePath("/patient", "layout");
      return { redirectTo: `/patient/check-in/${result.checkInId}` };
    }
    return { redirectTo: "/patient/log" };
  },
  (formData) => ({
    idempotencyKey: formData.get("idempotencyKey"),
    redFlags: formData.getAll("redFlags"),
    painScore: formData.get("painScore"),
  }),
);

export async function checkInAction(previous: FormState, formData: FormData): Promise<FormState> {
  return checkIn(previous, formData);
}
