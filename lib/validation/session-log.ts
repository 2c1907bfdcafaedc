import { z } from "zod";
import { idempotencyAnswer, idempotencyKeySchema, painAnswer, requiredPain } from "./check-in";
import { NOTES_MAX } from "./limits";

const STALE = "This form is out of date. Reload the page and try again.";
const UNKNOWN_EXERCISE = "One of the exercises was not recognised. Reload the page and try again.";

export const sessionLogInputSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    planVersion: z.coerce.number({ error: STALE }).int({ error: STALE }).min(1, { error: STALE }),
    exerciseIds: z
      .array(z.uuid({ error: UNKNOWN_EXERCISE }), { error: UNKNOWN_EXERCISE })
      .max(12, { error: "Tick at most 12 exercises." }),
    painBefore: requiredPain("pain before"),
    painAfter: requiredPain("pain after"),
    // An unanswered question is stored as unanswered (null), never as "no discomfort".
    discomfort: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z
        .enum(["NONE", "SORENESS", "PAIN"], { error: "Say whether it feels like soreness or pain." })
        .nullable(),
    ),
    worseOrSpread: z.boolean(),
    notes: z
      .string({ error: "Write the notes as text." })
      .max(NOTES_MAX, { error: `Keep notes under ${NOTES_MAX.toLocaleString("en-GB")} characters.` })
      .transform((text) => text.trim() || null),
  })
  .strict();

export type SessionLogInput = z.infer<typeof sessionLogInputSchema>;

/**
 * The session form as it came, read for its clinical signals before anything else: pain after (8 or more is
 * the very severe pain red flag) and "my pain got worse or spread". Never fails on the fields themselves;
 * `log` is the parsed session, or null with `issues` saying what needs another look.
 */
export const sessionLogFormSchema = z
  .object({
    idempotencyKey: z.unknown(),
    planVersion: z.unknown(),
    exerciseIds: z.unknown(),
    painBefore: z.unknown(),
    painAfter: z.unknown(),
    discomfort: z.unknown(),
    worseOrSpread: z.boolean(),
    notes: z.unknown(),
  })
  .strict()
  .transform((raw) => {
    const log = sessionLogInputSchema.safeParse(raw);
    return {
      log: log.success ? log.data : null,
      issues: log.success ? [] : log.error.issues,
      signals: {
        idempotencyKey: idempotencyAnswer.parse(raw.idempotencyKey),
        painBefore: painAnswer("pain before").parse(raw.painBefore).score,
        painAfter: painAnswer("pain after").parse(raw.painAfter).score,
        worseOrSpread: raw.worseOrSpread,
      },
    };
  });
