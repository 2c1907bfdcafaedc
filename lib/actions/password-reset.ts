"use server";

import { headers } from "next/headers";
import { inBackground } from "@/lib/background";
import { clientAddress } from "@/lib/client-address";
import {
  NO_EMAIL_RESET,
  PASSWORD_RESET_MINUTES,
  issuePasswordReset,
  resetPassword,
} from "@/lib/dal/password-resets";
import { LIMITS, enforce } from "@/lib/dal/rate-limit";
import { emailConfigured, sendPasswordResetEmail } from "@/lib/email";
import { appLink } from "@/lib/links";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/password-reset";
import { publicAction } from "./action";
import type { FormState } from "./form-state";

const REQUESTED = `If that address has a Backcare account, we have emailed it a link to choose a new password. The link works once, for ${PASSWORD_RESET_MINUTES} minutes. Check your spam folder if it does not arrive within a few minutes.`;

async function emailResetLink(email: string) {
  const reset = await issuePasswordReset(email);
  if (!reset) return;
  await sendPasswordResetEmail(reset, appLink(`/reset-password/${reset.token}`), PASSWORD_RESET_MINUTES);
}

const requestReset = publicAction(forgotPasswordSchema, async ({ email }) => {
  if (!emailConfigured()) return { message: NO_EMAIL_RESET };
  // Keyed by what was asked, not by what exists, so a refusal says nothing about the address.
  await enforce(
    `password-reset:address:${clientAddress(await headers())}`,
    LIMITS.passwordResetPerAddress,
    "password reset requests",
  );
  await enforce(`password-reset:account:${email}`, LIMITS.passwordResetPerAccount, "password reset requests");
  // The answer, and the time it takes, are the same whether or not the address has an account: the look-up
  // and the e-mail happen after the response.
  inBackground("password reset email", () => emailResetLink(email));
  return { ok: true, message: REQUESTED };
});

const reset = publicAction(resetPasswordSchema, async ({ token, password }) => {
  await resetPassword(token, password);
  return {
    ok: true,
    message: "Your new password is set, and you have been signed out everywhere. Sign in with it now.",
  };
});

export async function requestPasswordResetAction(
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return requestReset(previous, formData);
}
export async function resetPasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  return reset(previous, formData);
}
