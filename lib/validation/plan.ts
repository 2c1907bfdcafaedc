import { z } from "zod";
import { MAX_PLAN_ITEMS } from "@/lib/domain/guardrails";
import { calendarDay } from "./dates";

const count = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(1, { error: `${label} must be at least 1.` })
    .max(max, { error: `${label} can be at most ${max}.` })
    .nullable();

export const planItemInputSchema = z
  .object({
    exerciseId: z.uuid({ error: "Choose an exercise from the catalogue." }),
    sets: count("Sets", 10),
    repetitions: count("Repetitions", 50),
    minutes: count("Minutes", 120),
    timesPerWeek: z
      .number({ error: "Times per week must be a whole number." })
      .int({ error: "Times per week must be a whole number." })
      .min(1, { error: "Times per week must be at least 1." })
      .max(14, { error: "Times per week can be at most 14." }),
    intensity: z.enum(["LIGHT", "MODERATE", "VIGOROUS"], { error: "Choose an intensity." }),
    note: z.string().trim().max(500, { error: "Keep the note under 500 characters." }).nullable(),
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
