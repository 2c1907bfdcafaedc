import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { ClinicianUser } from "@/lib/dal/session";
import { catalogueExercise, createClinic, planTableCounts } from "../support/fixtures";

// The actions read the session through the data access layer; here it answers with the fixture's clinician.
const session = vi.hoisted(() => ({ user: null as ClinicianUser | null }));
vi.mock("@/lib/dal/session", () => ({
  requireClinician: async () => {
    if (!session.user) throw new Error("no session");
    return session.user;
  },
  requirePatient: async () => {
    throw new Error("not a patient");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { savePlanAction } = await import("@/lib/actions/plans");
const { createExerciseAction } = await import("@/lib/actions/exercises");

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("plan and exercise actions", () => {
  let setup: Awaited<ReturnType<typeof createClinic>>;
  beforeEach(async () => {
    setup = await createClinic();
    session.user = setup.asClinician;
  });

  it("refuses a payload with an unknown key, naming it, and stores nothing", async () => {
    const walking = await catalogueExercise("walking");
    const before = await planTableCounts();
    const payload = {
      patientId: setup.patient.id,
      planId: null,
      expectedVersion: null,
      startDate: "2026-12-01",
      items: [
        {
          exerciseId: walking.id,
          sets: null,
          repetitions: null,
          minutes: 20,
          timesPerWeek: 3,
          intensity: "LIGHT",
          note: null,
          safety: "SAFE",
        },
      ],
      status: "ACTIVE",
    };
    const state = await savePlanAction({}, form({ payload: JSON.stringify(payload), intent: "activate" }));
    expect(state.message).toBe("Some answers need another look.");
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["form", "items.0"]);
    expect(await planTableCounts()).toEqual(before);
  });

  it("refuses malformed JSON and a missing intent", async () => {
    const before = await planTableCounts();
    expect(
      (await savePlanAction({}, form({ payload: "{not json", intent: "activate" }))).fieldErrors,
    ).toBeDefined();
    const state = await savePlanAction(
      {},
      form({ payload: JSON.stringify({ patientId: setup.patient.id }) }),
    );
    expect(state.fieldErrors?.intent).toBeDefined();
    expect(await planTableCounts()).toEqual(before);
  });

  it("returns guardrail refusals to the form with the item they concern", async () => {
    const walking = await catalogueExercise("walking");
    const golf = await catalogueExercise("golf");
    const dose = {
      sets: null,
      repetitions: null,
      minutes: 20,
      timesPerWeek: 3,
      intensity: "LIGHT",
      note: null,
    };
    const payload = {
      patientId: setup.patient.id,
      planId: null,
      expectedVersion: null,
      startDate: "2026-12-01",
      items: [
        { ...dose, exerciseId: walking.id },
        { ...dose, exerciseId: golf.id },
      ],
    };
    const before = await planTableCounts();
    const state = await savePlanAction({}, form({ payload: JSON.stringify(payload), intent: "activate" }));
    expect(state.message).toBe("The plan was not saved.");
    expect(state.issues?.[0]).toMatchObject({ code: "AVOID_EXERCISE", itemIndex: 1 });
    expect(state.issues?.[0]?.message).toContain("Try Swimming or Walking instead.");
    expect(await planTableCounts()).toEqual(before);
  });

  it("derives a clinic exercise's safety from its movements and ignores no forged field", async () => {
    const forged = await createExerciseAction(
      {},
      form({
        name: "Deadlift",
        category: "STRENGTH",
        summary: "x",
        instructions: "Lift the bar from the floor.",
        formCues: "",
        safety: "SAFE",
      }),
    );
    expect(forged.fieldErrors?.form).toBeDefined();
    expect(await db.exercise.count({ where: { clinicId: setup.clinic.id } })).toBe(0);

    const saved = await createExerciseAction(
      {},
      form({
        name: "Deadlift",
        category: "STRENGTH",
        summary: "x",
        instructions: "Lift the bar from the floor.",
        formCues: "Brace\n\nHinge",
        heavySpinalLoad: "on",
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    const exercise = await db.exercise.findFirstOrThrow({ where: { clinicId: setup.clinic.id } });
    expect(exercise).toMatchObject({
      name: "Deadlift",
      safety: "AVOID",
      heavySpinalLoad: true,
      formCues: ["Brace", "Hinge"],
    });
    expect(exercise.safetyReason).toBe("Avoid with lower back pain: it loads the back heavily.");
  });
});
