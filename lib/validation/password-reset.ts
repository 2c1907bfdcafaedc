import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/auth/password-policy";

export const forgotPasswordSchema = z
  .object({
    email: z
      .email({ error: "Enter the email address you sign in with." })
      .max(254)
      .transform((email) => email.toLowerCase()),
  })
  .strict();

// The new password's own rules (length, common passwords) are checked with the account's email in the
// data access layer, as for an invitation.
export const resetPasswordSchema = z
  .object({
    token: z.string().min(20).max(100),
    password: z.string().max(PASSWORD_MAX + 1),
    confirm: z.string().max(PASSWORD_MAX + 1),
  })
  .strict()
  .refine((input) => input.password === input.confirm, {
    error: "The two passwords do not match.",
    path: ["confirm"],
  });
