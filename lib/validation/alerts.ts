import { z } from "zod";
import { RED_FLAG_OUTCOME_CODES } from "@/lib/domain/red-flags";

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

/**
 * Closing red flags: the reports the clinician saw (the form names them), the outcome, and a note. Clearing
 * to exercise also needs the clinician's confirmation that a doctor cleared the patient.
 */
export const closeRedFlagsSchema = z
  .object({
    patientId: z.uuid(),
    reportIds: z
      .array(z.uuid())
      .min(1, { error: "There is no red flag on this form. Reload the page." })
      .max(100),
    outcome: z.enum(RED_FLAG_OUTCOME_CODES, { error: "Choose how the red flag was closed." }),
    confirmed: z.literal("on").optional(),
    note: z
      .string()
      .trim()
      .min(3, { error: "Note who saw the patient, when, and what was decided." })
      .max(1000, { error: "Keep the note under 1,000 characters." }),
  })
  .strict()
  .refine((input) => input.outcome !== "CLEARED" || input.confirmed === "on", {
    path: ["confirmed"],
    error: "Confirm that a doctor has cleared the patient to exercise.",
  });

const INT8_MAX = BigInt("9223372036854775807");

/**
 * Where an alert stream resumes: a delivery number the stream sent (Last-Event-ID) or the page was rendered
 * after (?after=). Delivery numbers are PostgreSQL bigints, so anything else is refused rather than sent to
 * the database on every poll.
 */
export const streamCursorSchema = z
  .string()
  .regex(/^\d{1,19}$/, { error: "Last-Event-ID must be an event id this stream sent." })
  .transform((value) => BigInt(value))
  .refine((value) => value <= INT8_MAX, { error: "Last-Event-ID must be an event id this stream sent." });
