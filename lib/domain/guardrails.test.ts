import { describe, expect, it } from "vitest";
import { AVOID_EXERCISES, SAFE_EXERCISES, type CatalogueEntry } from "@/prisma/catalogue";
import { MOVEMENT_ATTRIBUTES, deriveSafety, type MovementAttributes } from "./exercise-safety";
import {
  checkPlan,
  checkTemplate,
  type GuardrailExercise,
  type GuardrailItem,
  type PlanCheck,
} from "./guardrails";

const noAttributes: MovementAttributes = {
  forwardBend: false,
  twisting: false,
  heavySpinalLoad: false,
  highImpact: false,
  competitive: false,
};

const bySlug = new Map([...SAFE_EXERCISES, ...AVOID_EXERCISES].map((entry) => [entry.slug, entry]));

function fromCatalogue(entry: CatalogueEntry): GuardrailExercise {
  const attributes = { ...noAttributes, ...entry.attributes };
  return {
    id: entry.slug,
    name: entry.name,
    ...attributes,
    safety: deriveSafety(attributes),
    safetyReason: entry.safetyReason ?? null,
    warmUp: entry.warmUp ?? false,
    saferAlternatives: (entry.saferAlternatives ?? []).map((slug) => ({
      id: slug,
      name: bySlug.get(slug)!.name,
    })),
  };
}

const exercise = (slug: string) => fromCatalogue(bySlug.get(slug)!);
const item = (slug: string, intensity: GuardrailItem["intensity"] = "LIGHT"): GuardrailItem => ({
  exercise: exercise(slug),
  intensity,
});
const ready: PlanCheck["patient"] = { status: "ACTIVE", hasOpenUrgentAlert: false };
const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe("a safe plan", () => {
  it("passes with no warning when it opens with a warm-up and has four exercises or fewer", () => {
    const result = checkPlan({
      items: [item("walking"), item("light-stretching"), item("swimming"), item("light-strength-training")],
      patient: ready,
      activating: true,
    });
    expect(result).toEqual({ blocking: [], warnings: [] });
  });

  it.each(SAFE_EXERCISES.map((entry) => [entry.name, entry.slug]))(
    "accepts %s at light intensity",
    (_name, slug) => {
      expect(
        checkPlan({
          items: [item("walking"), item(slug)].slice(slug === "walking" ? 1 : 0),
          patient: ready,
          activating: true,
        }).blocking,
      ).toEqual([]);
    },
  );
});

describe("avoid-list exercises", () => {
  it.each(
    AVOID_EXERCISES.map((entry) => [
      entry.name,
      entry.slug,
      entry.saferAlternatives!.map((slug) => bySlug.get(slug)!.name),
    ]),
  )("refuses %s and offers %j instead", (name, slug, alternatives) => {
    const { blocking } = checkPlan({
      items: [item("walking"), item(slug)],
      patient: ready,
      activating: false,
    });
    const avoid = blocking.find((issue) => issue.code === "AVOID_EXERCISE");
    expect(avoid).toMatchObject({ itemIndex: 1 });
    expect(avoid!.message).toContain(`${name} is on the avoid list: ${bySlug.get(slug)!.safetyReason}`);
    expect(avoid!.message).toContain(`Try ${alternatives.join(" or ")} instead.`);
    expect(avoid!.alternatives!.map((alternative) => alternative.name)).toEqual(alternatives);
  });

  it("refuses a clinic's own avoid-list exercise that has no reason or alternative of its own", () => {
    const custom: GuardrailExercise = {
      ...exercise("walking"),
      id: "custom",
      name: "Custom",
      safety: "AVOID",
      safetyReason: null,
      saferAlternatives: [],
    };
    const { blocking } = checkPlan({
      items: [item("walking"), { exercise: custom, intensity: "LIGHT" }],
      patient: ready,
      activating: false,
    });
    expect(blocking).toEqual([
      { code: "AVOID_EXERCISE", message: "Custom is on the avoid list.", itemIndex: 1, alternatives: [] },
    ]);
  });
});

describe("movement attributes", () => {
  it.each(MOVEMENT_ATTRIBUTES.map((attribute) => [attribute.key]))(
    "refuses an exercise with only %s, even if mislabelled SAFE",
    (key) => {
      const risky: GuardrailExercise = {
        ...exercise("walking"),
        id: "custom",
        name: "Custom",
        warmUp: true,
        [key]: true,
      };
      const { blocking } = checkPlan({
        items: [{ exercise: risky, intensity: "LIGHT" }],
        patient: ready,
        activating: false,
      });
      expect(codes(blocking)).toEqual(["RISKY_ATTRIBUTE"]);
      expect(blocking[0]!.itemIndex).toBe(0);
    },
  );

  it("names every risky attribute of an exercise, one issue each", () => {
    const { blocking } = checkPlan({
      items: [item("walking"), item("golf")],
      patient: ready,
      activating: false,
    });
    expect(codes(blocking)).toEqual(["AVOID_EXERCISE", "RISKY_ATTRIBUTE", "RISKY_ATTRIBUTE"]);
    expect(blocking[1]!.message).toBe("Golf twists the lower back (twisting).");
    expect(blocking[2]!.message).toBe("Golf invites pushing past a safe pace (competitive).");
  });
});

describe("intensity", () => {
  it.each([
    ["LIGHT", []],
    ["MODERATE", ["INTENSITY_ABOVE_LIGHT"]],
    ["VIGOROUS", ["INTENSITY_ABOVE_LIGHT"]],
  ] as const)("%s intensity gives %j", (intensity, expected) => {
    const { blocking } = checkPlan({
      items: [item("walking", intensity)],
      patient: ready,
      activating: false,
    });
    expect(codes(blocking)).toEqual(expected);
    for (const issue of blocking) {
      expect(issue.message).toBe(
        `Walking is set to ${intensity.toLowerCase()} intensity; with lower back pain the key word is light.`,
      );
    }
  });
});

describe("the patient", () => {
  const plan = [item("walking")];
  const patientMessages = {
    PATIENT_PAUSED:
      "This patient reported a red flag. Record a doctor's clearance before the plan can be active.",
    OPEN_URGENT_ALERT: "This patient has an open urgent alert. Acknowledge it and record clearance first.",
    PATIENT_DISCHARGED: "This patient has been discharged; their plan cannot change.",
  };
  it.each([
    ["paused by a red flag", { status: "PAUSED_RED_FLAG", hasOpenUrgentAlert: false }, ["PATIENT_PAUSED"]],
    ["with an open urgent alert", { status: "ACTIVE", hasOpenUrgentAlert: true }, ["OPEN_URGENT_ALERT"]],
    [
      "paused with an open urgent alert",
      { status: "PAUSED_RED_FLAG", hasOpenUrgentAlert: true },
      ["PATIENT_PAUSED", "OPEN_URGENT_ALERT"],
    ],
    ["discharged", { status: "DISCHARGED", hasOpenUrgentAlert: false }, ["PATIENT_DISCHARGED"]],
  ] as const)("blocks activation for a patient %s", (_label, patient, expected) => {
    const { blocking } = checkPlan({ items: plan, patient, activating: true });
    expect(codes(blocking)).toEqual(expected);
    expect(blocking.map((issue) => issue.message)).toEqual(expected.map((code) => patientMessages[code]));
  });

  it("lets a draft be saved for a paused patient, but not for a discharged one", () => {
    expect(
      checkPlan({
        items: plan,
        patient: { status: "PAUSED_RED_FLAG", hasOpenUrgentAlert: true },
        activating: false,
      }).blocking,
    ).toEqual([]);
    expect(
      codes(
        checkPlan({
          items: plan,
          patient: { status: "DISCHARGED", hasOpenUrgentAlert: false },
          activating: false,
        }).blocking,
      ),
    ).toEqual(["PATIENT_DISCHARGED"]);
  });
});

describe("the plan's shape", () => {
  it("refuses an empty plan, as a draft and on activation", () => {
    const empty = { code: "EMPTY_PLAN", message: "Add at least one exercise to the plan." };
    expect(checkPlan({ items: [], patient: ready, activating: false }).blocking).toEqual([empty]);
    expect(checkPlan({ items: [], patient: ready, activating: true }).blocking).toEqual([empty]);
  });

  it("refuses the same exercise twice, pointing at the second", () => {
    const { blocking } = checkPlan({
      items: [item("walking"), item("swimming"), item("walking")],
      patient: ready,
      activating: false,
    });
    expect(blocking).toEqual([
      {
        code: "DUPLICATE_EXERCISE",
        message: "Walking is already in the plan; change its dose instead of adding it twice.",
        itemIndex: 2,
      },
    ]);
  });

  it("warns, without blocking, at five exercises but not at four", () => {
    const four = ["walking", "light-stretching", "swimming", "light-yoga"].map((slug) => item(slug));
    expect(checkPlan({ items: four, patient: ready, activating: true }).warnings).toEqual([]);
    const five = checkPlan({ items: [...four, item("upright-bicycling")], patient: ready, activating: true });
    expect(five.blocking).toEqual([]);
    expect(five.warnings).toEqual([
      {
        code: "MANY_EXERCISES",
        message: "5 exercises: patients keep up shorter plans better. Consider 4 or fewer.",
      },
    ]);
  });

  it.each([
    [12, [], ["MANY_EXERCISES"]],
    [13, ["TOO_MANY_ITEMS"], []],
  ] as const)("%i exercises: blocking %j, warnings %j", (length, blocking, warnings) => {
    const many = Array.from({ length }, (_, index) => ({
      exercise: { ...exercise("walking"), id: `walk-${index}` },
      intensity: "LIGHT" as const,
    }));
    const result = checkPlan({ items: many, patient: ready, activating: false });
    expect(codes(result.blocking)).toEqual(blocking);
    expect(codes(result.warnings)).toEqual(warnings);
    if (blocking.length > 0) expect(result.blocking[0]!.message).toBe("A plan holds at most 12 exercises.");
  });

  it("warns, without blocking, when the first exercise is not a warm-up", () => {
    const { blocking, warnings } = checkPlan({
      items: [item("swimming"), item("walking")],
      patient: ready,
      activating: true,
    });
    expect(blocking).toEqual([]);
    expect(warnings).toEqual([
      {
        code: "NO_WARM_UP_FIRST",
        message:
          "The plan opens with Swimming. Start with a gentle warm-up such as walking or light stretching.",
        itemIndex: 0,
      },
    ]);
    expect(
      checkPlan({ items: [item("light-stretching"), item("swimming")], patient: ready, activating: true })
        .warnings,
    ).toEqual([]);
  });
});

describe("a clinic template", () => {
  it.each([
    ["an avoid-list exercise", [item("walking"), item("running")], ["AVOID_EXERCISE", "RISKY_ATTRIBUTE"]],
    ["an intensity above light", [item("walking", "MODERATE")], ["INTENSITY_ABOVE_LIGHT"]],
    ["the same exercise twice", [item("walking"), item("walking")], ["DUPLICATE_EXERCISE"]],
    ["no exercise", [], ["EMPTY_PLAN"]],
  ])("is refused with %s", (_case, items, blocking) => {
    expect(codes(checkTemplate(items).blocking)).toEqual(blocking);
  });

  it("passes with safe light exercises, whatever any patient's state", () => {
    expect(checkTemplate([item("walking"), item("light-stretching")])).toEqual({
      blocking: [],
      warnings: [],
    });
  });
});
