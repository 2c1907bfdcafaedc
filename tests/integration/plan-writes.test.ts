import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { savePlan } from "@/lib/dal/plan-writes";
import { getOwnPlan } from "@/lib/dal/patients";
import { DomainError } from "@/lib/domain/errors";
import type { SavePlanInput } from "@/lib/validation/plan";
import {
  catalogueExercise,
  clearCheckIn,
  createClinic,
  nextInterrupt,
  planTableCounts,
} from "../support/fixtures";
import { concurrently, errors } from "../support/concurrently";
import { LIGHT_DOSE, newPlanInput } from "../support/plans";

type Setup = Awaited<ReturnType<typeof createClinic>>;

const dose = LIGHT_DOSE;

async function input(setup: Setup, overrides: Partial<SavePlanInput> = {}): Promise<SavePlanInput> {
  const walking = await catalogueExercise("walking");
  const stretching = await catalogueExercise("light-stretching");
  const plan = newPlanInput(setup.patient.id, [walking.id]);
  plan.items.push({ ...dose, exerciseId: stretching.id, minutes: null, sets: 2, repetitions: 8 });
  return { ...plan, ...overrides };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("savePlan", () => {
  let setup: Setup;
  beforeEach(async () => {
    setup = await createClinic();
  });

  it("creates and activates a plan with its items, a version snapshot and an AuditEvent", async () => {
    const saved = await savePlan(setup.asClinician, await input(setup));
    expect(saved).toMatchObject({ version: 1, status: "ACTIVE", changed: true });
    const plan = await db.plan.findUniqueOrThrow({
      where: { id: saved.planId },
      include: { items: { orderBy: { position: "asc" }, include: { exercise: true } }, versions: true },
    });
    expect(
      plan.items.map((item) => [item.position, item.exercise.name, item.minutes, item.repetitions]),
    ).toEqual([
      [1, "Walking", 20, null],
      [2, "Light stretching", null, 8],
    ]);
    expect(plan.activatedAt).not.toBeNull();
    expect(plan.versions).toHaveLength(1);
    expect(plan.versions[0]).toMatchObject({
      version: 1,
      status: "ACTIVE",
      summary: "Plan created and activated.",
    });
    const events = await db.auditEvent.findMany({ where: { entityId: saved.planId } });
    expect(events.map((event) => [event.action, event.actorId, event.patientId])).toEqual([
      ["plan.created", setup.clinician.id, setup.patient.id],
    ]);
  });

  it("saves a draft, then activates it as a new version", async () => {
    const draft = await savePlan(setup.asClinician, await input(setup, { intent: "save" }));
    expect(draft).toMatchObject({ version: 1, status: "DRAFT" });
    const active = await savePlan(
      setup.asClinician,
      await input(setup, { planId: draft.planId, expectedVersion: 1 }),
    );
    expect(active).toMatchObject({ planId: draft.planId, version: 2, status: "ACTIVE" });
    const versions = await db.planVersion.findMany({
      where: { planId: draft.planId },
      orderBy: { version: "asc" },
    });
    expect(versions.map((version) => [version.version, version.status, version.summary])).toEqual([
      [1, "DRAFT", "Draft created."],
      [2, "ACTIVE", "Plan activated."],
    ]);
  });

  it("stores nothing when an unchanged plan is saved again", async () => {
    const saved = await savePlan(setup.asClinician, await input(setup));
    const before = await planTableCounts();
    const again = await savePlan(
      setup.asClinician,
      await input(setup, { planId: saved.planId, expectedVersion: 1 }),
    );
    expect(again).toMatchObject({ version: 1, changed: false });
    expect(await planTableCounts()).toEqual(before);
  });

  describe("refuses forged input and stores nothing", () => {
    it("an avoid-list exercise id", async () => {
      const running = await catalogueExercise("running");
      const forged = await input(setup);
      forged.items.push({ ...dose, exerciseId: running.id });
      const before = await planTableCounts();
      const error = await refusal(savePlan(setup.asClinician, forged));
      expect(error.issues.map((issue) => [issue.code, issue.itemIndex])).toEqual([
        ["AVOID_EXERCISE", 2],
        ["RISKY_ATTRIBUTE", 2],
      ]);
      expect(error.issues[0]!.alternatives?.map((alternative) => alternative.name)).toEqual(["Walking"]);
      expect(await planTableCounts()).toEqual(before);
    });

    it("an intensity above light", async () => {
      const forged = await input(setup);
      forged.items[0] = { ...forged.items[0]!, intensity: "VIGOROUS" };
      const before = await planTableCounts();
      const error = await refusal(savePlan(setup.asClinician, forged));
      expect(error.issues.map((issue) => issue.code)).toEqual(["INTENSITY_ABOVE_LIGHT"]);
      expect(await planTableCounts()).toEqual(before);
    });

    it("another clinic's exercise", async () => {
      const other = await createClinic();
      const theirs = await db.exercise.create({
        data: {
          clinicId: other.clinic.id,
          slug: "their-walk",
          name: "Their walk",
          category: "AEROBIC",
          summary: "",
          instructions: "",
          safety: "SAFE",
        },
      });
      const forged = await input(setup);
      forged.items.push({ ...dose, exerciseId: theirs.id });
      const before = await planTableCounts();
      const error = await refusal(savePlan(setup.asClinician, forged));
      expect(error.issues).toEqual([expect.objectContaining({ code: "UNKNOWN_EXERCISE", itemIndex: 2 })]);
      expect(await planTableCounts()).toEqual(before);
    });

    it("another clinic's patient, as a 404", async () => {
      const other = await createClinic();
      const before = await planTableCounts();
      const forged = await input(setup, { patientId: other.patient.id });
      expect(await nextInterrupt(savePlan(setup.asClinician, forged))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
      expect(await planTableCounts()).toEqual(before);
    });

    it("activation for a patient paused by a red flag", async () => {
      await db.patient.update({ where: { id: setup.patient.id }, data: { status: "PAUSED_RED_FLAG" } });
      const before = await planTableCounts();
      const error = await refusal(savePlan(setup.asClinician, await input(setup)));
      expect(error.issues.map((issue) => issue.code)).toEqual(["PATIENT_PAUSED"]);
      expect(await planTableCounts()).toEqual(before);
    });

    it("activation while an urgent alert is open", async () => {
      await db.alert.create({
        data: {
          clinicId: setup.clinic.id,
          patientId: setup.patient.id,
          severity: "URGENT",
          reason: "RED_FLAG",
          message: "Red flag",
          status: "ACKNOWLEDGED",
        },
      });
      const before = await planTableCounts();
      const error = await refusal(savePlan(setup.asClinician, await input(setup)));
      expect(error.issues.map((issue) => issue.code)).toEqual(["OPEN_URGENT_ALERT"]);
      expect(await planTableCounts()).toEqual(before);
    });

    it("a stale version", async () => {
      const saved = await savePlan(setup.asClinician, await input(setup));
      await savePlan(
        setup.asClinician,
        await input(setup, { planId: saved.planId, expectedVersion: 1, startDate: "2026-12-02" }),
      );
      const before = await planTableCounts();
      const stale = await input(setup, { planId: saved.planId, expectedVersion: 1, startDate: "2026-12-03" });
      const error = await refusal(savePlan(setup.asClinician, stale));
      expect(error.code).toBe("STALE_PLAN");
      expect(await planTableCounts()).toEqual(before);
    });

    it("a second new plan when the patient already has one", async () => {
      await savePlan(setup.asClinician, await input(setup));
      const before = await planTableCounts();
      const error = await refusal(savePlan(setup.asClinician, await input(setup)));
      expect(error.code).toBe("STALE_PLAN");
      expect(await planTableCounts()).toEqual(before);
    });

    it("all but one of five concurrent first plans for the same patient", async () => {
      const before = await planTableCounts();
      const first = await input(setup);
      const outcomes = await concurrently(5, () => savePlan(setup.asClinician, first));
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      expect(errors(outcomes).map((error) => (error as DomainError).code)).toEqual(
        Array(4).fill("STALE_PLAN"),
      );
      expect(await db.plan.count({ where: { patientId: setup.patient.id } })).toBe(1);
      expect(await planTableCounts()).toEqual({
        plans: before.plans + 1,
        items: before.items + 2,
        versions: before.versions + 1,
        audits: before.audits + 1,
      });
    });

    it("all but one of five concurrent revisions of the same version", async () => {
      const saved = await savePlan(setup.asClinician, await input(setup));
      const revisions = await Promise.all(
        [1, 2, 3, 4, 5].map((step) =>
          input(setup, { planId: saved.planId, expectedVersion: 1, startDate: `2026-12-0${step + 1}` }),
        ),
      );
      const outcomes = await concurrently(5, (index) => savePlan(setup.asClinician, revisions[index]!));
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      expect(errors(outcomes).map((error) => (error as DomainError).code)).toEqual(
        Array(4).fill("STALE_PLAN"),
      );
      const plan = await db.plan.findUniqueOrThrow({
        where: { id: saved.planId },
        include: { versions: true },
      });
      expect(plan.version).toBe(2);
      expect(plan.versions.map((version) => version.version).sort()).toEqual([1, 2]);
    });

    it("an empty plan", async () => {
      const before = await planTableCounts();
      const error = await refusal(savePlan(setup.asClinician, await input(setup, { items: [] })));
      expect(error.issues.map((issue) => issue.code)).toEqual(["EMPTY_PLAN"]);
      expect(await planTableCounts()).toEqual(before);
    });
  });

  it("a revision shows the patient the new version and leaves earlier session logs on the old one", async () => {
    const first = await savePlan(setup.asClinician, await input(setup));
    const v1 = await db.planVersion.findFirstOrThrow({ where: { planId: first.planId, version: 1 } });
    const log = await db.sessionLog.create({
      data: {
        patientId: setup.patient.id,
        planId: first.planId,
        planVersionId: v1.id,
        checkInId: (await clearCheckIn(setup.patient.id)).id,
        idempotencyKey: "before-revision",
        requestHash: "x",
        painBefore: 4,
        painAfter: 3,
      },
    });

    const revised = await input(setup, { planId: first.planId, expectedVersion: 1 });
    revised.items[0] = { ...revised.items[0]!, minutes: 30 };
    const second = await savePlan(setup.asClinician, revised);
    expect(second).toMatchObject({ version: 2, status: "ACTIVE" });

    const v2 = await db.planVersion.findFirstOrThrow({ where: { planId: first.planId, version: 2 } });
    expect(v2.summary).toBe("Walking: now 30 min, 3 times a week (was 20 min, 3 times a week).");
    expect((await db.sessionLog.findUniqueOrThrow({ where: { id: log.id } })).planVersionId).toBe(v1.id);
    const own = await getOwnPlan(setup.patient.asPatient);
    expect(own.plan?.version).toBe(2);
    expect(own.plan?.items[0]?.minutes).toBe(30);
  });
});
