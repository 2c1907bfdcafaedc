import { z } from "zod";
import { idempotencyKeySchema, requiredPain } from "./check-in";
import { NOTES_MAX } from "./limits";

export const sessionLogInputSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    planVersion: z.coerce.number().int().min(1),
    exerciseIds: z.array(z.uuid()).max(12),
    painBefore: requiredPain("pain before"),
    painAfter: requiredPain("pain after"),
    discomfort: z.enum(["NONE", "SORENESS", "PAIN"], {
      error: "Say whether it feels like soreness or pain.",
    }),
    worseOrSpread: z.boolean(),
    notes: z
      .string()
      .max(NOTES_MAX, { error: `Keep notes under ${NOTES_MAX.toLocaleString("en-GB")} characters.` })
      .transform((text) => text.trim() || null),
  })
  .strict();

export type SessionLogInput = z.infer<typeof sessionLogInputSchema>;
