import { z } from "zod";

export const alertIdSchema = z.object({ alertId: z.uuid() }).strict();

export const resolveWarningSchema = z
  .object({
    alertId: z.uuid(),
    note: z
      .string()
      .trim()
      .min(3, { error: "Say what you did about it." })
      .max(1000, { error: "Keep the note under 1,000 characters." }),
  })
  .strict();

export const clearanceSchema = z
  .object({
    patientId: z.uuid(),
    confirmed: z.literal("on", { error: "Confirm that a doctor has cleared the patient to exercise." }),
    note: z
      .string()
      .trim()
      .min(3, { error: "Note who cleared the patient and when." })
      .max(1000, { error: "Keep the note under 1,000 characters." }),
  })
  .strict();
