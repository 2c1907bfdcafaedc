import { describe, expect, it } from "vitest";
import { RED_FLAGS, assessCheckIn, awaitsClearance, redFlagAlertMessage, redFlagLabel } from "./red-flags";

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
    ["SADDLE_NUMBNESS", true],
    ["SEXUAL_FUNCTION", true],
    ["BOTH_LEGS", true],
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
    // One emergency symptom among others is enough.
    expect(result.callEmergencyServices).toBe(true);
  });

  it("labels each flag with the symptom's words", () => {
    expect(RED_FLAGS.map((flag) => redFlagLabel(flag.code))).toEqual([
      "Unable to walk",
      "Tingling or numbness",
      "Trouble controlling bowels or bladder",
      "Unable to move body parts voluntarily",
      "Numbness around your bottom, genitals or inner thighs",
      "New problems with sexual function",
      "Pain, numbness or weakness in both legs",
      "Very severe pain",
    ]);
  });

  it("keeps a ticked flag when the pain score is unknown, and adds none for it", () => {
    expect(assessCheckIn({ flags: ["BOTH_LEGS"], painScore: null })).toMatchObject({
      outcome: "RED_FLAG",
      flags: ["BOTH_LEGS"],
    });
    expect(assessCheckIn({ flags: [], painScore: null }).outcome).toBe("CLEAR");
  });

  it.each([
    [["UNABLE_TO_WALK"], 9, "Red flag reported: Unable to walk (pain 9/10)."],
    [
      ["SADDLE_NUMBNESS", "VERY_SEVERE_PAIN"],
      null,
      "Red flag reported: Numbness around your bottom, genitals or inner thighs, Very severe pain (pain not given).",
    ],
  ] as const)("tells the clinician %j with pain %s as: %s", (flags, pain, message) => {
    expect(redFlagAlertMessage(flags, pain)).toBe(message);
  });
});

describe("awaitsClearance", () => {
  it.each([
    [[], true],
    [["REFERRED"], true],
    [["REFERRED", "CLEARED"], false],
    [["DISCHARGED"], false],
    [["CLEARED"], false],
  ] as const)("a red flag closed as %j still waits: %s", (outcomes, waits) => {
    expect(awaitsClearance(outcomes.map((outcome) => ({ outcome })))).toBe(waits);
  });
});
