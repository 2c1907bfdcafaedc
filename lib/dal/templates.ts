import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { checkTemplate } from "@/lib/domain/guardrails";
import type { SaveTemplateInput } from "@/lib/validation/template";
import { audit } from "./audit";
import { sqlState } from "./database-errors";
import { listExercises } from "./exercises";
import { guardrailExercises } from "./plan-writes";
import type { ClinicianUser } from "./session";

/** The clinic's templates still offered to clinicians; a retired one is kept but never shown or used. */
const liveTemplateOf = (user: ClinicianUser, id?: string) => ({
  ...(id === undefined ? {} : { id }),
  clinicId: user.clinicId,
  retiredAt: null,
});

export const templateItemSelect = {
  exerciseId: true,
  sets: true,
  repetitions: true,
  minutes: true,
  holdSeconds: true,
  restSeconds: true,
  side: true,
  timesPerWeek: true,
  intensity: true,
  note: true,
} as const;

/** The template list page: the clinic's live templates with their exercises' names, newest change first. */
export async function listTemplates(user: ClinicianUser) {
  return db.planTemplate.findMany({
    where: liveTemplateOf(user),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      items: { orderBy: { position: "asc" }, select: { exercise: { select: { name: true } } } },
    },
  });
}

/** One template of the clinician's clinic for its editor, with the catalogue to add from; 404 otherwise. */
export async function getTemplateEditor(user: ClinicianUser, templateId: string) {
  const id = z.uuid().safeParse(templateId);
  if (!id.success) notFound();
  const [template, exercises] = await Promise.all([
    db.planTemplate.findFirst({
      where: liveTemplateOf(user, id.data),
      select: {
        id: true,
        name: true,
        items: { orderBy: { position: "asc" }, select: templateItemSelect },
      },
    }),
    listExercises(user),
  ]);
  if (!template) notFound();
  return { template, exercises };
}

export type TemplateEditorData = Awaited<ReturnType<typeof getTemplateEditor>>;

/** One live template's items, for a plan that starts from it; 404 for another clinic's or a retired one. */
export async function templateItems(user: ClinicianUser, templateId: string) {
  const template = await db.planTemplate.findFirst({
    where: liveTemplateOf(user, templateId),
    select: { name: true, items: { orderBy: { position: "asc" }, select: templateItemSelect } },
  });
  if (!template) notFound();
  return template;
}

/**
 * Saves a new template or replaces an existing one's name and items, after the same guardrails as a plan
 * (checkTemplate, and the trigger of migration 20261130070000 a third time). Any refusal stores nothing.
 */
export async function saveTemplate(
  user: ClinicianUser,
  input: SaveTemplateInput,
): Promise<{ templateId: string; created: boolean }> {
  try {
    return await db.$transaction((tx) => writeTemplate(tx, user, input));
  } catch (error) {
    const state = sqlState(error);
    if (state?.code === "BC010")
      throw new DomainError("GUARDRAIL", state.message ?? "The database refused this template as unsafe.");
    throw error;
  }
}

async function writeTemplate(tx: Tx, user: ClinicianUser, input: SaveTemplateInput) {
  if (input.templateId !== null) {
    const existing = await tx.planTemplate.findFirst({
      where: liveTemplateOf(user, input.templateId),
      select: { id: true },
    });
    if (!existing) notFound();
  }
  const refusal = "The template was not saved.";
  const exercises = await guardrailExercises(tx, user, input.items, refusal);
  const { blocking } = checkTemplate(
    input.items.map((item) => ({ exercise: exercises.get(item.exerciseId)!, intensity: item.intensity })),
  );
  if (blocking.length > 0) throw new DomainError("GUARDRAIL", refusal, blocking);

  const template = input.templateId
    ? await tx.planTemplate.update({
        where: { id: input.templateId },
        data: { name: input.name },
        select: { id: true },
      })
    : await tx.planTemplate.create({
        data: { clinicId: user.clinicId, name: input.name, createdById: user.id },
        select: { id: true },
      });
  await tx.planTemplateItem.deleteMany({ where: { templateId: template.id } });
  await tx.planTemplateItem.createMany({
    data: input.items.map((item, index) => ({
      ...item,
      note: item.note || null,
      templateId: template.id,
      position: index + 1,
    })),
  });
  await audit(tx, {
    clinicId: user.clinicId,
    actorId: user.id,
    action: input.templateId ? "template.updated" : "template.created",
    entityType: "PlanTemplate",
    entityId: template.id,
    metadata: { items: input.items.length },
  });
  return { templateId: template.id, created: input.templateId === null };
}

/** Retires a live template of the clinician's clinic; plans started from it keep their own copy of its items. */
export async function retireTemplate(user: ClinicianUser, templateId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const retired = await tx.planTemplate.updateMany({
      where: liveTemplateOf(user, templateId),
      data: { retiredAt: new Date() },
    });
    if (retired.count !== 1) notFound();
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "template.retired",
      entityType: "PlanTemplate",
      entityId: templateId,
    });
  });
}
