import { z } from "zod";
import { RED_FLAG_CODES } from "@/lib/domain/red-flags";

export const idempotencyKeySchema = z.uuid({
  error: "This form has expired. Reload the page and try again.",
});

const painScore = (label: string) =>
  z.coerce
    .number({ error: `Choose ${label} from 0 to 10.` })
    .int({ error: `Choose ${label} from 0 to 10.` })
    .min(0, { error: `${label[0]!.toUpperCase()}${label.slice(1)} is at least 0.` })
    .max(10, { error: `${label[0]!.toUpperCase()}${label.slice(1)} is at most 10.` });

/** A form field that must be answered: an empty string is "missing", not zero. */
export const requiredPain = (label: string) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), painScore(label));

export const checkInInputSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    redFlags: z.array(z.enum(RED_FLAG_CODES)).max(RED_FLAG_CODES.length),
    painScore: requiredPain("your pain now"),
  })
  .strict();

export type CheckInInput = z.infer<typeof checkInInputSchema>;
