import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { catalogueExercise, createClinic, planTableCounts } from "../support/fixtures";

// Guardrail layer 3: even SQL that bypasses every check of the application cannot store an unsafe plan.

async function draftPlan(patientId: string, createdById: string) {
  return db.plan.create({ data: { patientId, createdById, startDate: new Date(), status: "DRAFT" } });
}

describe("database guardrails", () => {
  let setup: Awaited<ReturnType<typeof createClinic>>;
  beforeAll(async () => {
    setup = await createClinic();
  });

  it("refuses a plan item that points at an avoid-list exercise, on insert and on update", async () => {
    const plan = await draftPlan(setup.patient.id, setup.clinician.id);
    const running = await catalogueExercise("running");
    const walking = await catalogueExercise("walking");
    const before = await planTableCounts();

    await expect(
      db.$executeRaw`insert into plan_item (plan_id, exercise_id, position, minutes, times_per_week)
                     values (${plan.id}::uuid, ${running.id}::uuid, 1, 20, 3)`,
    ).rejects.toThrow(/Running is on the avoid list and cannot be part of a plan/);
    expect(await planTableCounts()).toEqual(before);

    const item = await db.planItem.create({
      data: { planId: plan.id, exerciseId: walking.id, position: 1, minutes: 20, timesPerWeek: 3 },
    });
    await expect(
      db.$executeRaw`update plan_item set exercise_id = ${running.id}::uuid where id = ${item.id}::uuid`,
    ).rejects.toThrow(/avoid list/);
    expect((await db.planItem.findUniqueOrThrow({ where: { id: item.id } })).exerciseId).toBe(walking.id);
  });

  it("refuses to activate a plan while its patient is paused by a red flag", async () => {
    const { patient, clinician } = await createClinic();
    const plan = await draftPlan(patient.id, clinician.id);
    await db.patient.update({ where: { id: patient.id }, data: { status: "PAUSED_RED_FLAG" } });

    await expect(
      db.$executeRaw`update plan set status = 'ACTIVE' where id = ${plan.id}::uuid`,
    ).rejects.toThrow(/red flag: the plan cannot be activated until a doctor's clearance is recorded/);
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("DRAFT");

    const before = await planTableCounts();
    await expect(
      db.$executeRaw`insert into plan (patient_id, created_by_id, start_date, status, updated_at)
                     values (${patient.id}::uuid, ${clinician.id}::uuid, current_date, 'ACTIVE', now())`,
    ).rejects.toThrow(/red flag/);
    expect(await planTableCounts()).toEqual(before);

    await db.patient.update({ where: { id: patient.id }, data: { status: "ACTIVE" } });
    await db.$executeRaw`update plan set status = 'ACTIVE' where id = ${plan.id}::uuid`;
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("ACTIVE");
  });

  it("refuses an exercise whose safety contradicts its attributes", async () => {
    await expect(
      db.exercise.create({
        data: {
          clinicId: setup.clinic.id,
          slug: "mislabelled",
          name: "Mislabelled",
          category: "STRENGTH",
          summary: "",
          instructions: "",
          heavySpinalLoad: true,
          safety: "SAFE",
        },
      }),
    ).rejects.toThrow(/exercise_safety_follows_attributes/);
    expect(await db.exercise.count({ where: { clinicId: setup.clinic.id } })).toBe(0);
  });

  it("refuses a plan item above light intensity", async () => {
    const plan = await draftPlan(setup.patient.id, setup.clinician.id);
    const walking = await catalogueExercise("walking");
    await expect(
      db.planItem.create({
        data: {
          planId: plan.id,
          exerciseId: walking.id,
          position: 1,
          minutes: 20,
          timesPerWeek: 3,
          intensity: "MODERATE",
        },
      }),
    ).rejects.toThrow(/plan_item_light_intensity/);
    expect(await db.planItem.count({ where: { planId: plan.id } })).toBe(0);
  });

  it("stores emails in lower case only, so the unique index is case-insensitive", async () => {
    await expect(
      db.user.create({
        data: {
          clinicId: setup.clinic.id,
          email: "Mixed.Case@Test.Example",
          name: "Mixed Case",
          role: "CLINICIAN",
          passwordHash: "x",
        },
      }),
    ).rejects.toThrow(/app_user_email_lower_case/);
  });
});
