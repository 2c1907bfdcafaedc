import { z } from "zod";

export const inviteStaffSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { error: "Give the person's full name." })
      .max(80, { error: "Keep the name under 80 characters." }),
    email: z
      .email({ error: "Give a valid email address." })
      .max(254)
      .transform((email) => email.toLowerCase()),
    role: z.enum(["CLINICIAN", "ADMIN"], { error: "Choose clinician or admin." }),
  })
  .strict();

export const staffIdSchema = z.object({ userId: z.uuid() }).strict();

export const reassignAllSchema = z
  .object({
    fromId: z.uuid(),
    toId: z.uuid({ error: "Choose the clinician who takes over." }),
  })
  .strict();
