import { z } from "zod";

/** The clinic's emergency number, as patients paused by a red flag are shown it: digits, spaces, a leading +. */
export const emergencyNumberSchema = z
  .object({
    emergencyNumber: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ]{1,19}$/, { error: "Give the number as digits, such as 999, 112 or 911." }),
  })
  .strict();
