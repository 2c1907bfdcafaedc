import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPlanBuilder } from "@/lib/dal/plans";
import {
  getTemplateEditor,
  listTemplates,
  retireTemplate,
  saveTemplate,
  templateItems,
} from "@/lib/dal/templates";
import { DomainError } from "@/lib/domain/errors";
import type { SaveTemplateInput } from "@/lib/validation/template";
import { catalogueExercise, createClinic, createPatient, nextInterrupt } from "../support/fixtures";
import { LIGHT_DOSE, clinicWithActivePlan } from "../support/plans";

type Setup = Awaited<ReturnType<typeof createClinic>>;
const NOT_FOUND = "NEXT_HTTP_ERROR_FALLBACK;404";

async function templateInput(overrides: Partial<SaveTemplateInput> = {}): Promise<SaveTemplateInput> {
  const walking = await catalogueExercise("walking");
  const stretching = await catalogueExercise("light-stretching");
  return {
    templateId: null,
    name: "Acute low back pain, week 1",
    items: [
      { ...LIGHT_DOSE, exerciseId: walking.id },
      {
        ...LIGHT_DOSE,
        exerciseId: stretching.id,
        minutes: null,
        sets: 2,
        repetitions: 8,
        holdSeconds: 10,
        restSeconds: 30,
        side: "BOTH",
        note: "Slowly, without bouncing.",
      },
    ],
    ...overrides,
  };
}

async function templateCounts() {
  const [templates, items, audits] = await Promise.all([
    db.planTemplate.count(),
    db.planTemplateItem.count(),
    db.auditEvent.count(),
  ]);
  return { templates, items, audits };
}

describe("clinic templates", () => {
  let setup: Setup;
  let other: Setup;
  beforeEach(async () => {
    [setup, other] = await Promise.all([createClinic(), createClinic()]);
  });

  it("saves a template with every item field, and lists it for its own clinic only", async () => {
    const saved = await saveTemplate(setup.asClinician, await templateInput());
    expect(saved.created).toBe(true);
    const items = await db.planTemplateItem.findMany({
      where: { templateId: saved.templateId },
      orderBy: { position: "asc" },
      include: { exercise: { select: { name: true } } },
    });
    expect(
      items.map((item) => [
        item.position,
        item.exercise.name,
        item.sets,
        item.repetitions,
        item.minutes,
        item.holdSeconds,
        item.restSeconds,
        item.side,
        item.timesPerWeek,
        item.note,
      ]),
    ).toEqual([
      [1, "Walking", null, null, 20, null, null, "NOT_APPLICABLE", 3, null],
      [2, "Light stretching", 2, 8, null, 10, 30, "BOTH", 3, "Slowly, without bouncing."],
    ]);
    expect((await listTemplates(setup.asClinician)).map((template) => template.name)).toEqual([
      "Acute low back pain, week 1",
    ]);
    expect(await listTemplates(other.asClinician)).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: saved.templateId } });
    expect(audit).toMatchObject({ action: "template.created", clinicId: setup.clinic.id });
  });

  it("refuses a template holding an avoid-list exercise, naming it, and stores nothing", async () => {
    const running = await catalogueExercise("running");
    const input = await templateInput();
    input.items.push({ ...LIGHT_DOSE, exerciseId: running.id });
    const before = await templateCounts();
    const error = await saveTemplate(setup.asClinician, input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe("The template was not saved.");
    expect((error as DomainError).issues.map((issue) => [issue.code, issue.itemIndex])).toEqual([
      ["AVOID_EXERCISE", 2],
      ["RISKY_ATTRIBUTE", 2],
    ]);
    expect(await templateCounts()).toEqual(before);
  });

  it("refuses another clinic's own exercise as unknown", async () => {
    const theirs = await db.exercise.create({
      data: {
        clinicId: other.clinic.id,
        slug: `pool-walk-${randomUUID().slice(0, 6)}`,
        name: "Pool walking",
        category: "AEROBIC",
        summary: "s",
        instructions: "Walk in the pool.",
        formCues: [],
        safety: "SAFE",
      },
    });
    const input = await templateInput();
    input.items.push({ ...LIGHT_DOSE, exerciseId: theirs.id });
    const error = await saveTemplate(setup.asClinician, input).catch((caught: unknown) => caught);
    expect((error as DomainError).issues.map((issue) => issue.code)).toEqual(["UNKNOWN_EXERCISE"]);
  });

  it("edits and retires its own clinic's template; another clinic's clinician gets 404 and changes nothing", async () => {
    const { templateId } = await saveTemplate(setup.asClinician, await templateInput());
    const walking = await catalogueExercise("walking");
    const rename = { templateId, name: "Renamed", items: [{ ...LIGHT_DOSE, exerciseId: walking.id }] };

    const before = await templateCounts();
    expect(await nextInterrupt(getTemplateEditor(other.asClinician, templateId))).toBe(NOT_FOUND);
    expect(await nextInterrupt(templateItems(other.asClinician, templateId))).toBe(NOT_FOUND);
    expect(await nextInterrupt(saveTemplate(other.asClinician, rename))).toBe(NOT_FOUND);
    expect(await nextInterrupt(retireTemplate(other.asClinician, templateId))).toBe(NOT_FOUND);
    expect(await templateCounts()).toEqual(before);
    expect(await db.planTemplate.findUniqueOrThrow({ where: { id: templateId } })).toMatchObject({
      name: "Acute low back pain, week 1",
      retiredAt: null,
    });

    expect(await saveTemplate(setup.asClinician, rename)).toEqual({ templateId, created: false });
    const editor = await getTemplateEditor(setup.asClinician, templateId);
    expect(editor.template.name).toBe("Renamed");
    expect(editor.template.items.map((item) => item.exerciseId)).toEqual([walking.id]);

    await retireTemplate(setup.asClinician, templateId);
    expect(await listTemplates(setup.asClinician)).toEqual([]);
    expect(await nextInterrupt(getTemplateEditor(setup.asClinician, templateId))).toBe(NOT_FOUND);
    expect(await nextInterrupt(saveTemplate(setup.asClinician, rename))).toBe(NOT_FOUND);
    expect(await nextInterrupt(retireTemplate(setup.asClinician, templateId))).toBe(NOT_FOUND);
    expect(
      (await db.auditEvent.findMany({ where: { entityId: templateId }, orderBy: { createdAt: "asc" } })).map(
        (event) => event.action,
      ),
    ).toEqual(["template.created", "template.updated", "template.retired"]);
  });

  it("starts a plan from its own clinic's template, and answers 404 for another clinic's or a retired one", async () => {
    const { templateId } = await saveTemplate(setup.asClinician, await templateInput());
    const builder = await getPlanBuilder(setup.asClinician, setup.patient.id, { template: templateId });
    expect(builder.templates.map((template) => template.id)).toEqual([templateId]);
    expect(builder.start?.from).toBe("the template Acute low back pain, week 1");
    expect(builder.start?.items.map((item) => [item.holdSeconds, item.restSeconds, item.side])).toEqual([
      [null, null, "NOT_APPLICABLE"],
      [10, 30, "BOTH"],
    ]);
    expect((await getPlanBuilder(other.asClinician, other.patient.id)).templates).toEqual([]);
    expect(
      await nextInterrupt(getPlanBuilder(other.asClinician, other.patient.id, { template: templateId })),
    ).toBe(NOT_FOUND);
    await retireTemplate(setup.asClinician, templateId);
    expect(
      await nextInterrupt(getPlanBuilder(setup.asClinician, setup.patient.id, { template: templateId })),
    ).toBe(NOT_FOUND);
  });
});

describe("copying another patient's plan into the builder", () => {
  it("copies a plan of the same clinic, and answers 404 for another clinic's patient", async () => {
    const mine = await clinicWithActivePlan();
    const newcomer = await createPatient(mine.clinic.id, mine.clinician.id, "Newcomer");
    const builder = await getPlanBuilder(mine.asClinician, newcomer.id, { copyFrom: mine.patient.id });
    expect(builder.copySources.map((source) => source.id)).toEqual([mine.patient.id]);
    expect(builder.start?.from).toBe(`${mine.patient.user.name}'s plan`);
    expect(builder.start?.items.map((item) => item.exerciseId)).toEqual(mine.exerciseIds);

    const theirs = await clinicWithActivePlan();
    const answer = await nextInterrupt(
      getPlanBuilder(mine.asClinician, newcomer.id, { copyFrom: theirs.patient.id }),
    );
    expect(answer).toBe(NOT_FOUND);
    expect((await getPlanBuilder(theirs.asClinician, theirs.patient.id)).copySources).toEqual([]);
  });
});

describe("the database's template guardrail (migration 20261130070000), by raw SQL", () => {
  it("refuses a template item pointing at an avoid-list exercise or at another clinic's exercise", async () => {
    const setup = await createClinic();
    const other = await createClinic();
    const running = await catalogueExercise("running");
    const walking = await catalogueExercise("walking");
    const [template] = await db.$queryRaw<{ id: string }[]>`
      insert into plan_template (clinic_id, name, created_by_id, updated_at)
      values (${setup.clinic.id}::uuid, 'Raw', ${setup.clinician.id}::uuid, now()) returning id`;
    const insertItem = (exerciseId: string) => db.$executeRaw`
      insert into plan_template_item (template_id, exercise_id, position, minutes, times_per_week)
      values (${template!.id}::uuid, ${exerciseId}::uuid, 1, 20, 3)`;

    await expect(insertItem(running.id)).rejects.toThrow(
      /Running is on the avoid list and cannot be part of a template/,
    );
    const theirs = await db.exercise.create({
      data: {
        clinicId: other.clinic.id,
        slug: `theirs-${randomUUID().slice(0, 6)}`,
        name: "Their walk",
        category: "AEROBIC",
        summary: "s",
        instructions: "Walk.",
        formCues: [],
        safety: "SAFE",
      },
    });
    await expect(insertItem(theirs.id)).rejects.toThrow(/another clinic's catalogue/);
    expect(await insertItem(walking.id)).toBe(1);
    // Moving an allowed item onto an avoid-list exercise is refused too.
    await expect(
      db.$executeRaw`update plan_template_item set exercise_id = ${running.id}::uuid where template_id = ${template!.id}::uuid`,
    ).rejects.toThrow(/avoid list/);
    await expect(
      db.$executeRaw`update plan_template_item set hold_seconds = 121 where template_id = ${template!.id}::uuid`,
    ).rejects.toThrow(/plan_template_item_dose/);
    expect(await db.planTemplateItem.count({ where: { templateId: template!.id } })).toBe(1);
  });
});
