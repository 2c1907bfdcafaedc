import { describe, expect, it, vi } from "vitest";
import { savePlan } from "@/lib/dal/plan-writes";
import { DomainError } from "@/lib/domain/errors";
import { catalogueExercise, createClinic, planTableCounts } from "../support/fixtures";
import { newPlanInput } from "../support/plans";

// Layer 2 switched off: the guardrail module approves anything. The database (layer 3) must still refuse.
vi.mock("@/lib/domain/guardrails", () => ({
  checkPlan: () => ({ blocking: [], warnings: [] }),
}));

describe("with the server's guardrail checks bypassed", () => {
  it("the database still refuses an avoid-list exercise, and savePlan reports it as a refusal", async () => {
    const { asClinician, patient } = await createClinic();
    const walking = await catalogueExercise("walking");
    const running = await catalogueExercise("running");
    const before = await planTableCounts();
    const error = await savePlan(asClinician, newPlanInput(patient.id, [walking.id, running.id])).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe("Running is on the avoid list and cannot be part of a plan.");
    expect(await planTableCounts()).toEqual(before);
  });

  it("the database still refuses activation for a patient paused by a red flag", async () => {
    const { asClinician, patient } = await createClinic();
    const { db } = await import("@/lib/db");
    await db.patient.update({ where: { id: patient.id }, data: { status: "PAUSED_RED_FLAG" } });
    const walking = await catalogueExercise("walking");
    const before = await planTableCounts();
    const error = await savePlan(asClinician, newPlanInput(patient.id, [walking.id])).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/red flag: the plan cannot be activated/);
    expect(await planTableCounts()).toEqual(before);
  });
});
