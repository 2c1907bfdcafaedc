import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { PatientUser } from "@/lib/dal/session";
import { clinicWithActivePlan } from "../support/plans";

const session = vi.hoisted(() => ({ user: null as PatientUser | null }));
vi.mock("@/lib/dal/session", () => ({
  requirePatient: async () => {
    if (!session.user) throw new Error("no session");
    return session.user;
  },
  requireClinician: async () => {
    throw new Error("not a clinician");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { logSessionAction } = await import("@/lib/actions/session-log");
const { checkInAction } = await import("@/lib/actions/check-in");

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

describe("patient actions refuse bad input next to the field and store nothing", () => {
  let setup: Awaited<ReturnType<typeof clinicWithActivePlan>>;
  const counts = async () => ({
    logs: await db.sessionLog.count({ where: { patientId: setup.patient.id } }),
    checkIns: await db.checkIn.count({ where: { patientId: setup.patient.id } }),
  });
  const valid = () => ({
    idempotencyKey: randomUUID(),
    planVersion: "1",
    exerciseIds: setup.exerciseIds,
    painBefore: "3",
    painAfter: "3",
    discomfort: "NONE",
    notes: "",
  });

  beforeEach(async () => {
    setup = await clinicWithActivePlan();
    session.user = setup.patient.asPatient;
  });

  it.each([
    ["pain above 10", { painAfter: "11" }, "painAfter", "Pain after is at most 10."],
    ["pain below 0", { painBefore: "-1" }, "painBefore", "Pain before is at least 0."],
    ["a missing pain answer", { painBefore: "" }, "painBefore", "Choose pain before from 0 to 10."],
    [
      "notes over 2,000 characters",
      { notes: "x".repeat(2001) },
      "notes",
      "Keep notes under 2,000 characters.",
    ],
    [
      "a missing idempotency key",
      { idempotencyKey: "" },
      "idempotencyKey",
      "This form has expired. Reload the page and try again.",
    ],
  ])("session log: %s", async (_label, change, field, message) => {
    const state = await logSessionAction({}, form({ ...valid(), ...change }));
    expect(state.fieldErrors?.[field]).toEqual([message]);
    expect(await counts()).toEqual({ logs: 0, checkIns: 0 });
  });

  it("session log: an exercise that is not in the plan", async () => {
    const state = await logSessionAction({}, form({ ...valid(), exerciseIds: [randomUUID()] }));
    expect(state.message).toBe("One of the exercises ticked is not in your plan. Reload the page.");
    expect(await counts()).toEqual({ logs: 0, checkIns: 0 });
  });

  it("check-in: an unknown red flag and a missing pain score", async () => {
    const state = await checkInAction(
      {},
      form({ idempotencyKey: randomUUID(), redFlags: ["HEADACHE"], painScore: "" }),
    );
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["painScore", "redFlags"]);
    expect(await counts()).toEqual({ logs: 0, checkIns: 0 });
  });
});
