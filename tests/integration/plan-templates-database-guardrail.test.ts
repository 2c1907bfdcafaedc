import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveTemplate } from "@/lib/dal/templates";
import { DomainError } from "@/lib/domain/errors";
import { catalogueExercise, createClinic } from "../support/fixtures";
import { LIGHT_DOSE } from "../support/plans";

// Layer 2 switched off: the guardrail module approves any template. The database (layer 3) must still refuse.
vi.mock("@/lib/domain/guardrails", () => ({
  checkTemplate: () => ({ blocking: [], warnings: [] }),
}));

describe("with the server's template guardrail bypassed", () => {
  it("the database still refuses an avoid-list exercise, and saveTemplate reports it as a refusal", async () => {
    const { asClinician } = await createClinic();
    const walking = await catalogueExercise("walking");
    const running = await catalogueExercise("running");
    const before = await Promise.all([db.planTemplate.count(), db.planTemplateItem.count()]);
    const error = await saveTemplate(asClinician, {
      templateId: null,
      name: "Unsafe",
      items: [walking.id, running.id].map((exerciseId) => ({ ...LIGHT_DOSE, exerciseId })),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe(
      "Running is on the avoid list and cannot be part of a template.",
    );
    expect(await Promise.all([db.planTemplate.count(), db.planTemplateItem.count()])).toEqual(before);
  });
});
