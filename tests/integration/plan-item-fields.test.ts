import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { savePlan } from "@/lib/dal/plan-writes";
import { getPlanBuilder } from "@/lib/dal/plans";
import { savePlanInputSchema } from "@/lib/validation/plan";
import { catalogueExercise, createClinic } from "../support/fixtures";
import { LIGHT_DOSE, newPlanInput } from "../support/plans";

// Hold, rest and side on each plan item (migration 20261130070000): validated, stored, snapshotted, and told
// to the patient in the change summary.
describe("a plan item's hold, rest and side", () => {
  it("are stored, loaded back into the builder, kept in the version snapshot and named in the summary", async () => {
    const setup = await createClinic();
    const walking = await catalogueExercise("walking");
    const stretching = await catalogueExercise("light-stretching");
    const input = newPlanInput(setup.patient.id, [walking.id]);
    input.items.push({
      ...LIGHT_DOSE,
      exerciseId: stretching.id,
      minutes: null,
      sets: 2,
      repetitions: 8,
      holdSeconds: 15,
      restSeconds: 45,
      side: "LEFT",
    });
    const first = await savePlan(setup.asClinician, input);
    const items = await db.planItem.findMany({
      where: { planId: first.planId },
      orderBy: { position: "asc" },
    });
    expect(items.map((item) => [item.holdSeconds, item.restSeconds, item.side])).toEqual([
      [null, null, "NOT_APPLICABLE"],
      [15, 45, "LEFT"],
    ]);
    const builder = await getPlanBuilder(setup.asClinician, setup.patient.id);
    expect(builder.plan?.items[1]).toMatchObject({ holdSeconds: 15, restSeconds: 45, side: "LEFT" });

    const revised = await savePlan(setup.asClinician, {
      ...input,
      planId: first.planId,
      expectedVersion: first.version,
      intent: "save",
      items: input.items.map((item, index) =>
        index === 1 ? { ...item, side: "RIGHT", holdSeconds: 20 } : item,
      ),
    });
    const version = await db.planVersion.findFirstOrThrow({
      where: { planId: first.planId, version: revised.version },
    });
    expect((version.items as { holdSeconds: number | null; side: string }[])[1]).toMatchObject({
      holdSeconds: 20,
      restSeconds: 45,
      side: "RIGHT",
    });
    expect(version.summary).toBe(
      "Light stretching: now 2 × 8 reps, hold 20 seconds, rest 45 seconds, right side, 3 times a week " +
        "(was 2 × 8 reps, hold 15 seconds, rest 45 seconds, left side, 3 times a week).",
    );
  });

  it.each([
    [{ holdSeconds: 0 }, "items.0.holdSeconds", "Hold (seconds) must be at least 1."],
    [{ holdSeconds: 121 }, "items.0.holdSeconds", "Hold (seconds) can be at most 120."],
    [{ holdSeconds: 2.5 }, "items.0.holdSeconds", "Hold (seconds) must be a whole number."],
    [{ restSeconds: -1 }, "items.0.restSeconds", "Rest (seconds) must be at least 0."],
    [{ restSeconds: 601 }, "items.0.restSeconds", "Rest (seconds) can be at most 600."],
    [{ side: "UP" }, "items.0.side", "Choose a side: left, right, both or not applicable."],
    [{ note: "x".repeat(501) }, "items.0.note", "Keep the note to 500 characters or fewer."],
  ])("refuses %j with a plain message", (change, path, message) => {
    const input = { ...newPlanInput(crypto.randomUUID(), [crypto.randomUUID()]) };
    const parsed = savePlanInputSchema.safeParse({ ...input, items: [{ ...input.items[0], ...change }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      [path, message],
    ]);
  });

  it("accepts the bounds, and an item sent without the new fields as no hold, no rest and no side", () => {
    const input = newPlanInput(crypto.randomUUID(), [crypto.randomUUID()]);
    const bounds = { ...input.items[0]!, holdSeconds: 120, restSeconds: 0, side: "BOTH" };
    expect(savePlanInputSchema.safeParse({ ...input, items: [bounds] }).success).toBe(true);
    const { holdSeconds: _h, restSeconds: _r, side: _s, ...older } = input.items[0]!;
    const parsed = savePlanInputSchema.parse({ ...input, items: [older] });
    expect(parsed.items[0]).toMatchObject({ holdSeconds: null, restSeconds: null, side: "NOT_APPLICABLE" });
  });

  it("the database refuses a hold or rest out of bounds, by raw SQL", async () => {
    const setup = await createClinic();
    const walking = await catalogueExercise("walking");
    const saved = await savePlan(setup.asClinician, newPlanInput(setup.patient.id, [walking.id]));
    await expect(
      db.$executeRaw`update plan_item set hold_seconds = 121 where plan_id = ${saved.planId}::uuid`,
    ).rejects.toThrow(/plan_item_hold_rest/);
    await expect(
      db.$executeRaw`update plan_item set rest_seconds = -1 where plan_id = ${saved.planId}::uuid`,
    ).rejects.toThrow(/plan_item_hold_rest/);
    await expect(
      db.$executeRaw`update plan_item set side = 'UP' where plan_id = ${saved.planId}::uuid`,
    ).rejects.toThrow(/invalid input value for enum/);
    expect(await db.planItem.findFirstOrThrow({ where: { planId: saved.planId } })).toMatchObject({
      holdSeconds: null,
      restSeconds: null,
    });
  });
});
