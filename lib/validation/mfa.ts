import { z } from "zod";

/** A 6-digit authenticator code or a recovery code (xxxx-xxxx-xxxx, typed in any case, with or without dashes). */
export const mfaCodeSchema = z
  .object({
    code: z
      .string({ error: "Enter the code." })
      .trim()
      .min(6, { error: "Enter the 6-digit code from your authenticator app, or a recovery code." })
      .max(20, { error: "That is longer than any code. Check what you typed." }),
  })
  .strict();

/** Only the 6-digit code from the app: used to prove the app was set up right. */
export const enrolmentCodeSchema = z
  .object({
    code: z
      .string({ error: "Enter the code." })
      .trim()
      .regex(/^\d{6}$/, { error: "Enter the 6-digit code your authenticator app shows." }),
  })
  .strict();

export const clinicMfaSchema = z.object({ required: z.enum(["on", "off"]) }).strict();
