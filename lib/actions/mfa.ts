"use server";

import { revalidatePath } from "next/cache";
import {
  confirmEnrolment,
  disableMfa,
  regenerateRecoveryCodes,
  setClinicMfaRequired,
  verifySecondFactor,
} from "@/lib/dal/mfa";
import { homeFor } from "@/lib/dal/session";
import { clinicMfaSchema, enrolmentCodeSchema, mfaCodeSchema } from "@/lib/validation/mfa";
import { adminAction, signedInAction, userAction } from "./action";
import type { FormState } from "./form-state";

const confirm = signedInAction(enrolmentCodeSchema, async (input, user) => {
  // No revalidation: a refreshed set-up page would redirect away before the codes were read.
  const recoveryCodes = await confirmEnrolment(user, input.code);
  return { ok: true, message: "Two-step sign-in is on.", recoveryCodes };
});

export async function confirmMfaEnrolmentAction(previous: FormState, formData: FormData): Promise<FormState> {
  return confirm(previous, formData);
}

const verify = signedInAction(mfaCodeSchema, async (input, user) => {
  await verifySecondFactor(user, input.code);
  return { redirectTo: homeFor(user.role) };
});

export async function verifyMfaAction(previous: FormState, formData: FormData): Promise<FormState> {
  return verify(previous, formData);
}

const regenerate = userAction(mfaCodeSchema, async (input, user) => {
  const recoveryCodes = await regenerateRecoveryCodes(user, input.code);
  return { ok: true, message: "New recovery codes are ready. The old ones no longer work.", recoveryCodes };
});

export async function regenerateRecoveryCodesAction(
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return regenerate(previous, formData);
}

const disable = userAction(mfaCodeSchema, async (input, user) => {
  await disableMfa(user, input.code);
  revalidatePath("/account");
  return { ok: true, message: "Two-step sign-in is off." };
});

export async function disableMfaAction(previous: FormState, formData: FormData): Promise<FormState> {
  return disable(previous, formData);
}

const requireForClinic = adminAction(clinicMfaSchema, async (input, user) => {
  await setClinicMfaRequired(user, input.required === "on");
  revalidatePath("/admin");
  return {
    ok: true,
    message:
      input.required === "on"
        ? "Two-step sign-in is now required for every clinician and admin of the clinic."
        : "Two-step sign-in is now optional.",
  };
});

export async function setClinicMfaRequiredAction(
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return requireForClinic(previous, formData);
}
