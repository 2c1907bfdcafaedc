import { z } from "zod";
import { missingMovements } from "@/lib/domain/avoid-motions";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

export const CATEGORIES = ["AEROBIC", "FLEXIBILITY", "STRENGTH", "SPORT"] as const;
export const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], string> = {
  AEROBIC: "Aerobic",
  FLEXIBILITY: "Flexibility",
  STRENGTH: "Strength",
  SPORT: "Sport",
};

const clinicExerciseFields = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { error: "Give the exercise a name." })
      .max(80, { error: "Keep the name under 80 characters." }),
    category: z.enum(CATEGORIES, { error: "Choose a category." }),
    summary: z
      .string()
      .trim()
      .min(1, { error: "Say in one line what it is." })
      .max(200, { error: "Keep the summary under 200 characters." }),
    instructions: z
      .string()
      .trim()
      .min(10, { error: "Write the instructions a patient will follow." })
      .max(2000, { error: "Keep the instructions under 2,000 characters." }),
    formCues: z
      .string()
      .max(1000, { error: "Keep the form cues under 1,000 characters." })
      .transform((text) =>
        text
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(120, { error: "Keep each form cue under 120 characters." }))
          .max(8, { error: "At most 8 form cues." }),
      ),
    forwardBend: checkbox,
    twisting: checkbox,
    heavySpinalLoad: checkbox,
    highImpact: checkbox,
    competitive: checkbox,
    warmUp: checkbox,
    saferAlternativeId: z
      .union([z.uuid(), z.literal("")])
      .optional()
      .transform((value) => value || null),
  })
  .strict();

/** An exercise named or described as an avoid-list motion must carry its movement (lib/domain/avoid-motions). */
function requireMovements(
  exercise: z.infer<typeof clinicExerciseFields>,
  context: z.RefinementCtx<z.infer<typeof clinicExerciseFields>>,
) {
  for (const missing of missingMovements(exercise)) {
    context.addIssue({ code: "custom", message: missing.message, path: [missing.field] });
  }
}

export const clinicExerciseInputSchema = clinicExerciseFields.superRefine(requireMovements);

export type ClinicExerciseInput = z.infer<typeof clinicExerciseInputSchema>;

/** An edit sends the whole exercise again, with the id of the version it edits. */
export const editExerciseInputSchema = clinicExerciseFields
  .extend({ exerciseId: z.uuid() })
  .strict()
  .superRefine(requireMovements);

export type EditExerciseInput = z.infer<typeof editExerciseInputSchema>;

export const retireExerciseInputSchema = z.object({ exerciseId: z.uuid() }).strict();

export const catalogueFilterSchema = z.object({
  q: z.string().trim().max(80).optional().catch(undefined),
  category: z.enum(CATEGORIES).optional().catch(undefined),
});
