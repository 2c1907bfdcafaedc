import { z } from "zod";
import { MAX_PLAN_ITEMS } from "@/lib/domain/guardrails";
import { planItemInputSchema } from "./plan";

export const TEMPLATE_NAME_MAX_LENGTH = 120;

export const saveTemplateInputSchema = z
  .object({
    /** The template being edited; null saves a new one. */
    templateId: z.uuid().nullable(),
    name: z
      .string({ error: "Give the template a name." })
      .trim()
      .min(1, { error: "Give the template a name." })
      .max(TEMPLATE_NAME_MAX_LENGTH, {
        error: `Keep the name to ${TEMPLATE_NAME_MAX_LENGTH} characters or fewer.`,
      }),
    items: z
      .array(planItemInputSchema)
      .min(1, { error: "Add at least one exercise to the template." })
      .max(MAX_PLAN_ITEMS, { error: `A template holds at most ${MAX_PLAN_ITEMS} exercises.` }),
  })
  .strict();

export const retireTemplateInputSchema = z.object({ templateId: z.uuid() }).strict();

/** Where the builder starts from: a clinic template or another patient's current plan, both read by id. */
export const planStartSchema = z.object({
  template: z.uuid().optional().catch(undefined),
  copyFrom: z.uuid().optional().catch(undefined),
});

export type SaveTemplateInput = z.infer<typeof saveTemplateInputSchema>;
export type PlanStart = z.infer<typeof planStartSchema>;
