import { randomUUID } from "node:crypto";
import { z } from "zod";
import { RED_FLAG_CODES, isSeverePain, type RedFlagCode } from "@/lib/domain/red-flags";

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

/**
 * A pain answer that never fails to parse: the score, or null with what was wrong. A form that carries a
 * clinical signal stores a missing or unreadable score as unknown; one that does not refuses it.
 */
export const painAnswer = (label: string) =>
  z.unknown().transform((raw) => {
    const parsed = requiredPain(label).safeParse(raw);
    return parsed.success
      ? { score: parsed.data, problem: null }
      : { score: null, problem: parsed.error.issues[0]!.message };
  });

/** An idempotency key that never fails to parse: the key, or null when it is missing or malformed. */
export const idempotencyAnswer = z.unknown().transform((raw) => {
  const parsed = idempotencyKeySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
});

const KNOWN_CODES: ReadonlySet<string> = new Set(RED_FLAG_CODES);

/**
 * The safety check-in. Red flags come first: every recognised flag is kept whatever else the form holds,
 * and a check-in with any red flag (a pain of 8 or more included) is never refused. Its pain score, when
 * missing or unreadable, is stored as unknown (null); a malformed idempotency key is replaced by a new one,
 * since storing the flag twice is better than not at all. Only a check-in without red flags is refused for
 * a missing pain score or an expired form.
 */
export const checkInInputSchema = z
  .object({
    idempotencyKey: idempotencyAnswer,
    redFlags: z.preprocess(
      (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.unknown()).max(64, { error: "Too many answers. Reload the page and try again." }),
    ),
    painScore: painAnswer("your pain now"),
  })
  .strict()
  .transform((input, context) => {
    const redFlags = RED_FLAG_CODES.filter((code) => input.redFlags.includes(code));
    const flagged = redFlags.length > 0 || isSeverePain(input.painScore.score);
    if (!flagged) {
      const problems: [keyof typeof input, string][] = [];
      if (input.redFlags.some((value) => typeof value !== "string" || !KNOWN_CODES.has(value)))
        problems.push(["redFlags", "One of the answers was not recognised. Reload the page and try again."]);
      if (input.painScore.problem) problems.push(["painScore", input.painScore.problem]);
      if (!input.idempotencyKey)
        problems.push(["idempotencyKey", "This form has expired. Reload the page and try again."]);
      for (const [field, message] of problems)
        context.issues.push({ code: "custom", path: [field], message, input: input[field] });
      if (problems.length > 0) return z.NEVER;
    }
    return {
      idempotencyKey: input.idempotencyKey ?? randomUUID(),
      redFlags,
      painScore: input.painScore.score,
    };
  });

export type CheckInInput = { idempotencyKey: string; redFlags: RedFlagCode[]; painScore: number | null };
