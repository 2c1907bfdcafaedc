import { describe, expect, it } from "vitest";
import { assessSession } from "./session-alerts";

const calm = { worseOrSpread: false, discomfort: "NONE" as const };

describe("assessSession", () => {
  it("raises nothing for a session that went well", () => {
    expect(assessSession({ painBefore: 4, painAfter: 3, ...calm }, null)).toEqual({
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
    ["a rise of 3 then 4", { painBefore: 2, painAfter: 5 }, { painBefore: 1, painAfter: 5 }, ["RISING_PAIN"]],
    ["a first session with a rise of 2", null, { painBefore: 3, painAfter: 5 }, []],
  ] as const)("%s: %j", (_label, previous, session, reasons) => {
    const result = assessSession({ ...session, ...calm }, previous);
    expect(result.alerts.map((alert) => alert.reason)).toEqual(reasons);
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
  });
});
