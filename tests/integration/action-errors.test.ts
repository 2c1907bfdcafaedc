import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PatientUser } from "@/lib/dal/session";
import * as sessionLogs from "@/lib/dal/session-logs";
import { clinicWithActivePlan } from "../support/plans";

const session = vi.hoisted(() => ({ user: null as PatientUser | null }));
vi.mock("@/lib/dal/session", () => ({
  requirePatient: async () => session.user,
  requireClinician: async () => {
    throw new Error("not a clinician");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { logSessionAction } = await import("@/lib/actions/session-log");

afterEach(() => vi.restoreAllMocks());

describe("an unexpected failure inside an action", () => {
  it("shows a generic message with a reference, never the SQL, and logs the reference with the error", async () => {
    const setup = await clinicWithActivePlan();
    session.user = setup.patient.asPatient;
    const sqlError = new Error(
      'insert into "session_log" ("pain_before") values ($1) -- relation "session_log" is locked',
    );
    vi.spyOn(sessionLogs, "logSession").mockRejectedValueOnce(sqlError);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    const data = new FormData();
    for (const [key, value] of Object.entries({
      idempotencyKey: randomUUID(),
      planVersion: "1",
      painBefore: "3",
      painAfter: "3",
      discomfort: "NONE",
      notes: "",
    })) {
      data.set(key, value);
    }
    const state = await logSessionAction({}, data);

    const reference = /\(Reference ([0-9a-f]{8})\)$/.exec(state.message ?? "")?.[1];
    expect(state.message).toMatch(
      /^Something went wrong and nothing was saved\. Please try again\. \(Reference [0-9a-f]{8}\)$/,
    );
    expect(state.message).not.toMatch(/insert|session_log|relation/);
    expect(logged).toHaveBeenCalledWith(`[action error ${reference}]`, sqlError);
  });
});
