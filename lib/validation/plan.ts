import { z } from "zod";
import { DOSE_LIMITS, NOTE_MAX_LENGTH, SIDES, type DoseField } from "@/lib/domain/dose-limits";
import { MAX_PLAN_ITEMS } from "@/lib/domain/guardrails";
import { calendarDay } from "./dates";

const whole = (field: DoseField) => {
  const { label, min, max } = DOSE_LIMITS[field];
  return z
    .number({ error: `${label} must be a whole number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} can be at most ${max}.` });
};
const count = (field: DoseField) => whole(field).nullable();

export const planItemInputSchema = z
  .object({
    exerciseId: z.uuid({ error: "Choose an exercise from the catalogue." }),
    sets: count("sets"),
    repetitions: count("repetitions"),
    minutes: count("minutes"),
    // Optional on the wire, so that a form loaded before these fields existed still saves.
    holdSeconds: count("holdSeconds").default(null),
    restSeconds: count("restSeconds").default(null),
    side: z
      .enum(SIDES, { error: "Choose a side: left, right, both or not applicable." })
      .default("NOT_APPLICABLE"),
    timesPerWeek: whole("timesPerWeek"),
    intensity: z.enum(["LIGHT", "MODERATE", "VIGOROUS"], { error: "Choose an intensity." }),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX_LENGTH, { error: `Keep the note to ${NOTE_MAX_LENGTH} characters or fewer.` })
      .nullable(),
  })
  .strict()
  .refine((item) => item.repetitions !== null || item.minutes !== null, {
    error: "Give repetitions or minutes.",
    path: ["repetitions"],
  });

export const savePlanInputSchema = z
  .object({
    patientId: z.uuid(),
    /** The plan being edited and the version the form was loaded at; both absent for a new plan. */
    planId: z.uuid().nullable(),
    expectedVersion: z.number().int().min(1).nullable(),
    intent: z.enum(["save", "activate"]),
    startDate: calendarDay("a start date"),
    items: z
      .array(planItemInputSchema)
      .max(MAX_PLAN_ITEMS, { error: `A plan holds at most ${MAX_PLAN_ITEMS} exercises.` }),
  })
  .strict()
  .refine((input) => (input.planId === null) === (input.expectedVersion === null), {
    error: "The form is out of date. Reload the page.",
    path: ["expectedVersion"],
  });

export type PlanItemInput = z.infer<typeof planItemInputSchema>;
export type SavePlanInput = z.infer<typeof savePlanInputSchema>;
