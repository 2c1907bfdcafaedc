import { describe, expect, it } from "vitest";
import { assessSession } from "./session-alerts";

const calm = { worseOrSpread: false, discomfort: "NONE" as const };

describe("assessSession", () => {
  it("raises nothing for a session that went well", () => {
    expect(assessSession({ painBefore: 4, painAfter: 3, ...calm }, null)).toEqual({
      severePain: false,
      alerts: [],
      guidance: [],
    });
  });

  it("tells the patient to stop and opens a warning when pain got worse or spread", () => {
    const result = assessSession(
      { painBefore: 3, painAfter: 6, worseOrSpread: true, discomfort: "PAIN" },
      null,
    );
    expect(result.alerts.map((alert) => alert.reason)).toEqual(["PAIN_WORSE_OR_SPREAD"]);
    expect(result.alerts[0]!.message).toBe(
      "Pain got worse or spread during the session (pain 3 before, 6 after).",
    );
    expect(result.guidance).toEqual(["STOP_AND_REST"]);
  });

  it.each([
    ["a rise of 1 then 1", { painBefore: 3, painAfter: 4 }, { painBefore: 3, painAfter: 4 }, []],
    ["a rise of 2 then 1", { painBefore: 3, painAfter: 5 }, { painBefore: 3, painAfter: 4 }, []],
    ["a rise of 1 then 2", { painBefore: 3, painAfter: 4 }, { painBefore: 3, painAfter: 5 }, []],
    ["a rise of 2 then 2", { painBefore: 3, painAfter: 5 }, { painBefore: 3, painAfter: 5 }, ["RISING_PAIN"]],
    [
      "a rise of 3 then 4",
      { painBefore: 2, painAfter: 5 },
      { painBefore: 1, painAfter: 5 },
      ["PAIN_ROSE_IN_SESSION"],
    ],
    ["a first session with a rise of 2", null, { painBefore: 3, painAfter: 5 }, []],
    ["a first session with a rise of 3", null, { painBefore: 3, painAfter: 6 }, ["PAIN_ROSE_IN_SESSION"]],
  ] as const)("%s: %j", (_label, previous, session, reasons) => {
    const result = assessSession({ ...session, ...calm }, previous);
    expect(result.alerts.map((alert) => alert.reason)).toEqual(reasons);
  });

  it.each([
    ["soreness", 2, "SORENESS", []],
    ["pain", 2, "PAIN", ["PAIN_ROSE_IN_SESSION"]],
    ["pain", 1, "PAIN", []],
    ["no discomfort", 2, "NONE", []],
    ["an unanswered discomfort", 2, null, []],
    ["soreness", 3, "SORENESS", ["PAIN_ROSE_IN_SESSION"]],
  ] as const)("%s that rose by %i in one session warns: %j", (_label, rise, discomfort, reasons) => {
    const result = assessSession(
      { painBefore: 2, painAfter: 2 + rise, worseOrSpread: false, discomfort },
      null,
    );
    expect(result.alerts.map((alert) => alert.reason)).toEqual(reasons);
  });

  it("says how far pain rose in the session", () => {
    expect(assessSession({ painBefore: 1, painAfter: 5, ...calm }, null).alerts[0]!.message).toBe(
      "Pain rose by 4 points during the session (pain 1 before, 5 after).",
    );
  });

  it.each([
    [7, false],
    [8, true],
    [10, true],
  ])("pain after %i is the very severe pain red flag: %s", (painAfter, severe) => {
    expect(assessSession({ painBefore: 2, painAfter, ...calm }, null).severePain).toBe(severe);
  });

  it.each([
    [7, false],
    [8, true],
  ])("pain before %i, easing to 5, is the very severe pain red flag: %s", (painBefore, severe) => {
    expect(assessSession({ painBefore, painAfter: 5, ...calm }, null).severePain).toBe(severe);
  });

  it("suggests a rest day when a session aggravated the pain by 2 points", () => {
    expect(assessSession({ painBefore: 2, painAfter: 4, ...calm }, null).guidance).toEqual(["REST_DAY"]);
    expect(assessSession({ painBefore: 2, painAfter: 3, ...calm }, null).guidance).toEqual([]);
  });

  it("gives the soreness guidance when the patient feels soreness rather than pain", () => {
    expect(
      assessSession({ painBefore: 2, painAfter: 2, worseOrSpread: false, discomfort: "SORENESS" }, null)
        .guidance,
    ).toEqual(["SORENESS"]);
  });

  it("raises both warnings when both rules hold", () => {
    const result = assessSession(
      { painBefore: 3, painAfter: 6, worseOrSpread: true, discomfort: "PAIN" },
      { painBefore: 2, painAfter: 4 },
    );
    expect(result.alerts.map((alert) => alert.reason)).toEqual(["PAIN_WORSE_OR_SPREAD", "RISING_PAIN"]);
    expect(result.alerts[1]!.message).toBe(
      "Pain rose by 2 or more points in two sessions in a row (2→4, then 3→6).",
    );
  });
});
