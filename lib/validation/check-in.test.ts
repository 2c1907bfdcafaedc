import { describe, expect, it } from "vitest";
import { checkInInputSchema } from "./check-in";
import { sessionLogFormSchema } from "./session-log";

const KEY = "4d6f3c1e-8a2b-4c3d-9e8f-0a1b2c3d4e5f";

describe("the check-in form: red flags before anything else", () => {
  it.each([
    ["a blank pain box", ""],
    ["no pain box at all", undefined],
    ["a pain that is not a number", "abc"],
    ["a pain above 10", "11"],
  ])("keeps a ticked red flag with %s, the pain stored as unknown", (_label, painScore) => {
    const parsed = checkInInputSchema.parse({
      idempotencyKey: KEY,
      redFlags: ["BOWEL_OR_BLADDER_CONTROL"],
      painScore,
    });
    expect(parsed).toEqual({ idempotencyKey: KEY, redFlags: ["BOWEL_OR_BLADDER_CONTROL"], painScore: null });
  });

  it("keeps a red flag sent with a malformed form key, under a new key", () => {
    const parsed = checkInInputSchema.parse({
      idempotencyKey: "stale",
      redFlags: ["BOTH_LEGS"],
      painScore: "3",
    });
    expect(parsed.redFlags).toEqual(["BOTH_LEGS"]);
    expect(parsed.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the recognised flags in the list's order and ignores the rest when one is recognised", () => {
    const parsed = checkInInputSchema.parse({
      idempotencyKey: KEY,
      redFlags: ["HEADACHE", "BOTH_LEGS", "UNABLE_TO_WALK"],
      painScore: "2",
    });
    expect(parsed.redFlags).toEqual(["UNABLE_TO_WALK", "BOTH_LEGS"]);
  });

  it.each([
    [7, "refused"],
    [8, "stored"],
  ])("a pain of %i with a missing form key and no symptom is %s", (pain, result) => {
    const parsed = checkInInputSchema.safeParse({
      idempotencyKey: "",
      redFlags: [],
      painScore: String(pain),
    });
    expect(parsed.success ? "stored" : "refused").toBe(result);
  });

  it("refuses a clear check-in with a missing pain, an unknown answer or an expired form, field by field", () => {
    const parsed = checkInInputSchema.safeParse({
      idempotencyKey: "",
      redFlags: ["HEADACHE"],
      painScore: "",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["redFlags", "One of the answers was not recognised. Reload the page and try again."],
      ["painScore", "Choose your pain now from 0 to 10."],
      ["idempotencyKey", "This form has expired. Reload the page and try again."],
    ]);
  });

  it("takes a clear check-in with its pain", () => {
    expect(checkInInputSchema.parse({ idempotencyKey: KEY, redFlags: [], painScore: "0" })).toEqual({
      idempotencyKey: KEY,
      redFlags: [],
      painScore: 0,
    });
  });
});

describe("the session form: its signals read before its answers", () => {
  const form = (overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: KEY,
    planVersion: "1",
    exerciseIds: [],
    painBefore: "3",
    painAfter: "4",
    discomfort: undefined,
    worseOrSpread: false,
    notes: "",
    ...overrides,
  });

  it("keeps an unanswered discomfort as unanswered, never as no discomfort", () => {
    expect(sessionLogFormSchema.parse(form()).log?.discomfort).toBeNull();
  });

  it.each([
    ["pain after 9 with pain before missing", { painBefore: "", painAfter: "9" }, null, 9, false],
    ["worse or spread with pain before missing", { painBefore: "", worseOrSpread: true }, null, 4, true],
    ["pain after unreadable", { painAfter: "x" }, 3, null, false],
  ])("%s: no session, but its signals", (_label, overrides, painBefore, painAfter, worseOrSpread) => {
    const parsed = sessionLogFormSchema.parse(form(overrides));
    expect(parsed.log).toBeNull();
    expect(parsed.issues.length).toBeGreaterThan(0);
    expect(parsed.signals).toEqual({ idempotencyKey: KEY, painBefore, painAfter, worseOrSpread });
  });
});
