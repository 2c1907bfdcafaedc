import { describe, expect, it } from "vitest";
import { RED_FLAGS, assessCheckIn, redFlagLabel } from "./red-flags";

describe("assessCheckIn", () => {
  it.each([
    [0, "CLEAR"],
    [7, "CLEAR"],
    [8, "RED_FLAG"],
    [10, "RED_FLAG"],
  ] as const)("pain %i with no symptom ticked is %s", (painScore, outcome) => {
    const result = assessCheckIn({ flags: [], painScore });
    expect(result.outcome).toBe(outcome);
    expect(result.flags).toEqual(outcome === "RED_FLAG" ? ["VERY_SEVERE_PAIN"] : []);
  });

  it.each(RED_FLAGS.map((flag) => [flag.label, flag.code]))(
    "%s alone is a red flag, even with no pain",
    (_label, code) => {
      expect(assessCheckIn({ flags: [code], painScore: 0 })).toMatchObject({
        outcome: "RED_FLAG",
        flags: [code],
      });
    },
  );

  it.each([
    ["UNABLE_TO_WALK", true],
    ["BOWEL_OR_BLADDER_CONTROL", true],
    ["TINGLING_OR_NUMBNESS", false],
    ["UNABLE_TO_MOVE_VOLUNTARILY", false],
    ["VERY_SEVERE_PAIN", false],
  ] as const)("%s: call emergency services is %s", (code, emergency) => {
    expect(assessCheckIn({ flags: [code], painScore: 2 }).callEmergencyServices).toBe(emergency);
  });

  it("lists flags in the list's order without duplicates", () => {
    const result = assessCheckIn({
      flags: ["VERY_SEVERE_PAIN", "TINGLING_OR_NUMBNESS", "UNABLE_TO_WALK"],
      painScore: 9,
    });
    expect(result.flags).toEqual(["UNABLE_TO_WALK", "TINGLING_OR_NUMBNESS", "VERY_SEVERE_PAIN"]);
  });

  it("labels each flag with the symptom's words", () => {
    expect(RED_FLAGS.map((flag) => redFlagLabel(flag.code))).toEqual([
      "Unable to walk",
      "Tingling or numbness",
      "Trouble controlling bowels or bladder",
      "Unable to move body parts voluntarily",
      "Very severe pain",
    ]);
  });
});
