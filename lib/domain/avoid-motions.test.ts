import { describe, expect, it } from "vitest";
import { AVOID_MOTIONS, missingMovements, requiredMovements } from "./avoid-motions";
import { AVOID_NAMES, SAFE_NAMES } from "./avoid-motions-examples";
import type { MovementAttributes } from "./exercise-safety";

const none: MovementAttributes = {
  forwardBend: false,
  twisting: false,
  heavySpinalLoad: false,
  highImpact: false,
  competitive: false,
};
const named = (name: string) => ({ name, summary: "A clinic exercise.", instructions: "Go gently." });
const attributesFor = (name: string) => requiredMovements(named(name)).map(({ attribute }) => attribute);

describe("avoid-list motions in an exercise's name", () => {
  it.each(AVOID_NAMES)("%s requires %s", (name, attribute) => {
    expect(attributesFor(name)).toContain(attribute);
  });

  it.each(SAFE_NAMES)("%s requires no movement", (name) => {
    expect(attributesFor(name)).toEqual([]);
  });

  it("has a name above for every motion in the list", () => {
    for (const { pattern } of AVOID_MOTIONS) {
      expect(AVOID_NAMES.some(([name]) => new RegExp(pattern).test(name.toLowerCase()))).toBe(true);
    }
  });
});

describe("missing movements", () => {
  it("refuses Sit-ups with nothing ticked, naming the movement to tick", () => {
    const missing = missingMovements({ ...named("Sit-ups"), ...none });
    expect(missing).toEqual([
      expect.objectContaining({ field: "name", motion: "sit-ups", attribute: "forwardBend" }),
    ]);
    expect(missing[0]!.message).toBe(
      'The name mentions sit-ups, which is on the avoid list. Tick "Forward bend" under Movements: the exercise then joins the avoid list and cannot be prescribed.',
    );
  });

  it("accepts Sit-ups once Forward bend is ticked", () => {
    expect(missingMovements({ ...named("Sit-ups"), ...none, forwardBend: true })).toEqual([]);
  });

  it("is not satisfied by another movement", () => {
    expect(missingMovements({ ...named("Sit-ups"), ...none, twisting: true })).toHaveLength(1);
  });

  it("reads the summary and the instructions too", () => {
    const missing = missingMovements({
      name: "Core work",
      summary: "Crunches on a mat.",
      instructions: "Then jog for five minutes.",
      ...none,
    });
    expect(missing.map(({ field, attribute }) => [field, attribute])).toEqual([
      ["summary", "forwardBend"],
      ["instructions", "highImpact"],
    ]);
  });

  it("does not join words across fields", () => {
    expect(
      requiredMovements({ name: "Gentle sit", summary: "ups and downs of the day.", instructions: "" }),
    ).toEqual([]);
  });
});
