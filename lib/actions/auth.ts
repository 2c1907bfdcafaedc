"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { credentialsSchema, signIn, signOut } from "@/lib/auth";
import { endAllSessions, endSession } from "@/lib/dal/auth-sessions";
import { changePassword } from "@/lib/dal/credentials";
import { changePasswordSchema } from "@/lib/validation/onboarding";
import { userAction } from "./action";
import { currentUser } from "@/lib/dal/session";
import type { FormState } from "./form-state";

// The same words for an unknown email, a wrong password, a locked or a disabled account: telling them apart
// would tell an attacker which emails have accounts.
const REFUSED =
  "That email and password do not match an account. After 5 failed attempts, sign-in is paused for a while.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = credentialsSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) {
    return {
      message: "Check the highlighted fields.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  try {
    // On success this throws Next's redirect, which must propagate: only AuthError is caught below.
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return {
        message: "Too many sign-in attempts in a short time. Please wait a few minutes and try again.",
      };
    }
    if (error instanceof AuthError) return { message: REFUSED };
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) await endSession(user);
  await signOut({ redirectTo: "/login" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await endAllSessions(user);
  await signOut({ redirectTo: "/login" });
}

const changeOwnPassword = userAction(changePasswordSchema, async (input, user) => {
  await changePassword(user, { current: input.current, next: input.next });
  return { ok: true, message: "Your password was changed. Other devices were signed out." };
});

export async function changePasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeOwnPassword(previous, formData);
}
