import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/auth/password-policy";

export const invitePatientSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { error: "Give the patient's full name." })
      .max(80, { error: "Keep the name under 80 characters." }),
    email: z
      .email({ error: "Give a valid email address." })
      .max(254)
      .transform((email) => email.toLowerCase()),
  })
  .strict();

export const acceptInvitationSchema = z
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

export const changePasswordSchema = z
  .object({
    current: z
      .string()
      .min(1, { error: "Enter your current password." })
      .max(PASSWORD_MAX + 1),
    next: z.string().max(PASSWORD_MAX + 1),
    confirm: z.string().max(PASSWORD_MAX + 1),
  })
  .strict()
  .refine((input) => input.next === input.confirm, {
    error: "The two new passwords do not match.",
    path: ["confirm"],
  });

export const patientIdSchema = z.object({ patientId: z.uuid() }).strict();

export const reassignSchema = z
  .object({ patientId: z.uuid(), clinicianId: z.uuid({ error: "Choose a clinician." }) })
  .strict();
