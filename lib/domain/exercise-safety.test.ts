import { describe, expect, it } from "vitest";
import {
  MOVEMENT_ATTRIBUTES,
  deriveSafety,
  describeRisk,
  riskyAttributes,
  type MovementAttributes,
} from "./exercise-safety";

const none: MovementAttributes = {
  forwardBend: false,
  twisting: false,
  heavySpinalLoad: false,
  highImpact: false,
  competitive: false,
};

describe("deriveSafety", () => {
  it("calls an exercise with no risky attribute SAFE", () => {
    expect(deriveSafety(none)).toBe("SAFE");
    expect(describeRisk(none)).toBeNull();
  });

  it.each(MOVEMENT_ATTRIBUTES.map((attribute) => [attribute.key, attribute.why] as const))(
    "calls an exercise with only %s AVOID and says why",
    (key, why) => {
      const attributes = { ...none, [key]: true };
      expect(deriveSafety(attributes)).toBe("AVOID");
      expect(riskyAttributes(attributes)).toEqual([key]);
      expect(describeRisk(attributes)).toBe(`Avoid with lower back pain: it ${why}.`);
    },
  );

  it("names every risky attribute when there are several", () => {
    const attributes = { ...none, forwardBend: true, twisting: true, competitive: true };
    expect(riskyAttributes(attributes)).toEqual(["forwardBend", "twisting", "competitive"]);
    expect(describeRisk(attributes)).toBe(
      "Avoid with lower back pain: it bends the spine forward under load, twists the lower back and invites pushing past a safe pace.",
    );
  });
});
