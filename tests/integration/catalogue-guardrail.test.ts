import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { editClinicExercise, retireClinicExercise } from "@/lib/dal/exercise-edits";
import { createClinicExercise } from "@/lib/dal/exercises";
import { savePlan } from "@/lib/dal/plan-writes";
import { AVOID_MOTIONS, requiredMovements } from "@/lib/domain/avoid-motions";
import { AVOID_NAMES, SAFE_NAMES } from "@/lib/domain/avoid-motions-examples";
import { DomainError } from "@/lib/domain/errors";
import {
  clinicExerciseInputSchema,
  type ClinicExerciseInput,
  type EditExerciseInput,
} from "@/lib/validation/exercise";
import {
  catalogueExercise,
  createClinic,
  createPatient,
  nextInterrupt,
  planTableCounts,
} from "../support/fixtures";
import { newPlanInput } from "../support/plans";

// The catalogue cannot be fooled: an exercise named as an avoid-list motion must carry its movement, in the
// form, the DAL and the database; a clinic exercise is edited as a new version and retired, and neither an
// edit nor a retired exercise can put something unsafe or withdrawn into a plan.

type Setup = Awaited<ReturnType<typeof createClinic>>;

const exerciseInput = (overrides: Partial<ClinicExerciseInput> = {}): ClinicExerciseInput => ({
  name: `Pelvic tilt ${randomUUID().slice(0, 6)}`,
  category: "FLEXIBILITY",
  summary: "Lying on your back, rock the pelvis gently.",
  instructions: "Lie on your back with knees bent and flatten your lower back gently into the floor.",
  formCues: [],
  forwardBend: false,
  twisting: false,
  heavySpinalLoad: false,
  highImpact: false,
  competitive: false,
  warmUp: false,
  saferAlternativeId: null,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const exerciseCount = (clinicId: string) => db.exercise.count({ where: { clinicId } });

describe("the avoid-list motions", () => {
  it("are the same list in the database as in the domain module", async () => {
    const rows = await db.$queryRaw<{ motion: string; attribute: string; pattern: string }[]>`
      select motion, attribute, pattern from exercise_avoid_motions()`;
    expect(rows).toEqual(
      AVOID_MOTIONS.map(({ motion, attribute, pattern }) => ({ motion, attribute, pattern })),
    );
  });

  it("read every example name the same way in the database as in the domain module", async () => {
    for (const name of [...AVOID_NAMES.map(([avoid]) => avoid), ...SAFE_NAMES]) {
      const rows = await db.$queryRaw<{ attribute: string }[]>`
        select attribute from exercise_motions_in(${name})`;
      const domain = requiredMovements({ name, summary: "", instructions: "" }).map(
        ({ attribute }) => attribute,
      );
      expect(
        rows.map(({ attribute }) => attribute),
        name,
      ).toEqual(domain);
    }
  });
});

describe("an exercise named as an avoid-list motion", () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await createClinic();
  });

  it("is refused by the database when stored SAFE by raw SQL, on insert and on update", async () => {
    const before = await exerciseCount(setup.clinic.id);
    await expect(
      db.$executeRaw`insert into exercise (clinic_id, slug, name, category, summary, instructions, form_cues, safety)
        values (${setup.clinic.id}::uuid, ${`sit-ups-${randomUUID()}`}, 'Sit-ups', 'STRENGTH', 'Core work.',
                'Lie on your back and curl up.', '{}', 'SAFE')`,
    ).rejects.toThrow(/The name of "Sit-ups" mentions sit-ups, which is on the avoid list/);
    await expect(
      db.$executeRaw`insert into exercise (clinic_id, slug, name, category, summary, instructions, form_cues, safety)
        values (${setup.clinic.id}::uuid, ${`core-${randomUUID()}`}, 'Core curl', 'STRENGTH', 'Crunches on a mat.',
                'Lie on your back and curl up.', '{}', 'SAFE')`,
    ).rejects.toThrow(/The summary of "Core curl" mentions crunches/);
    expect(await exerciseCount(setup.clinic.id)).toBe(before);

    const tilt = await createClinicExercise(setup.asClinician, exerciseInput());
    await expect(
      db.$executeRaw`update exercise set name = 'Toe-touches' where id = ${tilt.id}::uuid`,
    ).rejects.toThrow(/mentions toe touches/);
    expect((await db.exercise.findUniqueOrThrow({ where: { id: tilt.id } })).name).toBe(tilt.name);
  });

  it("is stored, as AVOID, when its movement is ticked", async () => {
    const situps = await createClinicExercise(
      setup.asClinician,
      exerciseInput({ name: "Sit-ups", forwardBend: true }),
    );
    expect(situps.safety).toBe("AVOID");
  });

  it("is refused by the form's schema and by the DAL, naming the movement to tick", async () => {
    const parsed = clinicExerciseInputSchema.safeParse({
      name: "Sit-Ups",
      category: "STRENGTH",
      summary: "Core work.",
      instructions: "Lie on your back and curl up.",
      formCues: "",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      [
        "name",
        'The name mentions sit-ups, which is on the avoid list. Tick "Forward bend" under Movements: the exercise then joins the avoid list and cannot be prescribed.',
      ],
    ]);

    const before = await exerciseCount(setup.clinic.id);
    const error = await refusal(createClinicExercise(setup.asClinician, exerciseInput({ name: "Situps" })));
    expect(error.code).toBe("MOVEMENT_NOT_TICKED");
    expect(error.message).toMatch(/Tick "Forward bend"/);
    expect(await exerciseCount(setup.clinic.id)).toBe(before);
  });
});

describe("editing a clinic exercise", () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await createClinic();
  });
  const edit = (exerciseId: string, overrides: Partial<ClinicExerciseInput> = {}): EditExerciseInput => ({
    ...exerciseInput(overrides),
    exerciseId,
  });

  it("makes a new version; the plan keeps the version it prescribed", async () => {
    const tilt = await createClinicExercise(setup.asClinician, exerciseInput({ name: "Pelvic tilt" }));
    const plan = await savePlan(setup.asClinician, newPlanInput(setup.patient.id, [tilt.id]));

    const next = await editClinicExercise(setup.asClinician, edit(tilt.id, { name: "Pelvic tilt, lying" }));
    expect(next).toMatchObject({ name: "Pelvic tilt, lying", safety: "SAFE", version: 2 });
    const [old, current] = await Promise.all([
      db.exercise.findUniqueOrThrow({ where: { id: tilt.id } }),
      db.exercise.findUniqueOrThrow({ where: { id: next.id } }),
    ]);
    expect(old).toMatchObject({ name: "Pelvic tilt", retiredAt: expect.any(Date) });
    expect(current).toMatchObject({ originId: tilt.id, version: 2, retiredAt: null });
    expect(
      await db.planItem.findMany({ where: { planId: plan.planId }, select: { exerciseId: true } }),
    ).toEqual([{ exerciseId: tilt.id }]);

    // The plan that holds the old version can still be revised with it.
    const revised = await savePlan(setup.asClinician, {
      ...newPlanInput(setup.patient.id, [tilt.id, (await catalogueExercise("walking")).id]),
      planId: plan.planId,
      expectedVersion: plan.version,
    });
    expect(revised).toMatchObject({ version: 2, changed: true });

    // The old version can no longer be edited: only the current one can.
    expect(await nextInterrupt(editClinicExercise(setup.asClinician, edit(tilt.id)))).toMatch(/404/);
  });

  it("is refused when it would make an exercise in a current plan AVOID, by the DAL and by the database", async () => {
    // The plan holds the first version; the edit that would make it AVOID is of the second.
    const patient = await createPatient(setup.clinic.id, setup.clinician.id);
    const bridge = await createClinicExercise(setup.asClinician, exerciseInput({ name: "Glute bridge" }));
    await savePlan(setup.asClinician, newPlanInput(patient.id, [bridge.id]));
    const second = await editClinicExercise(setup.asClinician, edit(bridge.id, { name: "Glute bridge" }));

    const before = await exerciseCount(setup.clinic.id);
    const error = await refusal(
      editClinicExercise(setup.asClinician, edit(second.id, { name: "Glute bridge", heavySpinalLoad: true })),
    );
    expect(error.code).toBe("EXERCISE_IN_USE");
    expect(error.message).toBe(
      "Glute bridge is in a current plan, so an edit cannot put it on the avoid list. Take it out of that plan first.",
    );
    expect(await exerciseCount(setup.clinic.id)).toBe(before);
    expect((await db.exercise.findUniqueOrThrow({ where: { id: second.id } })).retiredAt).toBeNull();

    await expect(
      db.$executeRaw`insert into exercise (clinic_id, slug, name, category, summary, instructions, form_cues,
                       heavy_spinal_load, safety, safety_reason, origin_id, version)
        values (${setup.clinic.id}::uuid, ${`bridge-${randomUUID()}`}, 'Glute bridge', 'STRENGTH', 'Bridge.',
                'Lift the hips.', '{}', true, 'AVOID', 'Loads the back.', ${bridge.id}::uuid, 3)`,
    ).rejects.toThrow(/Glute bridge is part of a current plan and cannot become an avoid-list exercise/);
    expect(await exerciseCount(setup.clinic.id)).toBe(before);
  });

  it("to AVOID is allowed when no current plan holds it", async () => {
    const free = await createClinicExercise(setup.asClinician, exerciseInput({ name: "Hip hinge" }));
    const next = await editClinicExercise(
      setup.asClinician,
      edit(free.id, { name: "Hip hinge", forwardBend: true }),
    );
    expect(next).toMatchObject({ safety: "AVOID", version: 2 });
  });
});

describe("a retired clinic exercise", () => {
  it("cannot be added to a new plan, by the DAL or by the database; a plan that held it keeps it", async () => {
    const setup = await createClinic();
    const tilt = await createClinicExercise(setup.asClinician, exerciseInput());
    const walking = await catalogueExercise("walking");
    const holding = await savePlan(setup.asClinician, newPlanInput(setup.patient.id, [tilt.id]));
    await retireClinicExercise(setup.asClinician, tilt.id);

    const other = await createPatient(setup.clinic.id, setup.clinician.id);
    const before = await planTableCounts();
    const error = await refusal(savePlan(setup.asClinician, newPlanInput(other.id, [walking.id, tilt.id])));
    expect(error.issues.map((issue) => [issue.code, issue.itemIndex])).toEqual([["RETIRED_EXERCISE", 1]]);
    expect(error.issues[0]!.message).toBe(
      `${tilt.name} has been retired from the catalogue and cannot be added.`,
    );
    expect(await planTableCounts()).toEqual(before);

    const draft = await db.plan.create({
      data: { patientId: other.id, createdById: setup.clinician.id, startDate: new Date(), status: "DRAFT" },
    });
    await expect(
      db.$executeRaw`insert into plan_item (plan_id, exercise_id, position, minutes, times_per_week)
                     values (${draft.id}::uuid, ${tilt.id}::uuid, 1, 20, 3)`,
    ).rejects.toThrow(/has been retired from the catalogue and cannot be added to a plan/);
    expect(await db.planItem.count({ where: { planId: draft.id } })).toBe(0);

    const revised = await savePlan(setup.asClinician, {
      ...newPlanInput(setup.patient.id, [walking.id, tilt.id]),
      planId: holding.planId,
      expectedVersion: holding.version,
    });
    expect(revised).toMatchObject({ version: 2, changed: true });
  });

  it("is left out of the catalogue and cannot be retired or edited again", async () => {
    const setup = await createClinic();
    const tilt = await createClinicExercise(setup.asClinician, exerciseInput());
    await retireClinicExercise(setup.asClinician, tilt.id);
    const { listExercises } = await import("@/lib/dal/exercises");
    expect((await listExercises(setup.asClinician)).map(({ id }) => id)).not.toContain(tilt.id);
    expect(await nextInterrupt(retireClinicExercise(setup.asClinician, tilt.id))).toMatch(/404/);
    expect(
      await nextInterrupt(editClinicExercise(setup.asClinician, { ...exerciseInput(), exerciseId: tilt.id })),
    ).toMatch(/404/);
  });
});

describe("another clinic's exercise and the global catalogue", () => {
  it("look missing to edit and retire", async () => {
    const mine = await createClinic();
    const theirs = await createClinic();
    const tilt = await createClinicExercise(theirs.asClinician, exerciseInput());
    const walking = await catalogueExercise("walking");
    for (const id of [tilt.id, walking.id]) {
      expect(await nextInterrupt(retireClinicExercise(mine.asClinician, id))).toMatch(/404/);
      expect(
        await nextInterrupt(editClinicExercise(mine.asClinician, { ...exerciseInput(), exerciseId: id })),
      ).toMatch(/404/);
    }
    expect(await db.exercise.findUniqueOrThrow({ where: { id: tilt.id } })).toMatchObject({
      retiredAt: null,
    });
    expect(await db.exercise.findUniqueOrThrow({ where: { id: walking.id } })).toMatchObject({
      retiredAt: null,
    });
  });
});
