// The prescription guardrails: every reason a plan cannot be saved or activated, and the warnings that do not
// block. The builder runs these in the browser for immediate feedback, the server runs them again on every
// plan write, and the database triggers in the guardrails migration enforce the hard rules a third time.
import { MOVEMENT_ATTRIBUTES, type MovementAttributes } from "./exercise-safety";

export const MAX_PLAN_ITEMS = 12;
/** Adherence falls as plans grow; past this many exercises the builder warns. */
export const RECOMMENDED_MAX_ITEMS = 4;

export type Intensity = "LIGHT" | "MODERATE" | "VIGOROUS";
export type PatientStatus = "ACTIVE" | "PAUSED_RED_FLAG" | "DISCHARGED";

export type GuardrailExercise = MovementAttributes & {
  id: string;
  name: string;
  safety: "SAFE" | "AVOID";
  safetyReason: string | null;
  warmUp: boolean;
  saferAlternatives: { id: string; name: string }[];
};

export type GuardrailItem = { exercise: GuardrailExercise; intensity: Intensity };

export type GuardrailCode =
  | "AVOID_EXERCISE"
  | "UNKNOWN_EXERCISE"
  | "RETIRED_EXERCISE"
  | "RISKY_ATTRIBUTE"
  | "INTENSITY_ABOVE_LIGHT"
  | "DUPLICATE_EXERCISE"
  | "EMPTY_PLAN"
  | "TOO_MANY_ITEMS"
  | "PATIENT_PAUSED"
  | "OPEN_URGENT_ALERT"
  | "PATIENT_DISCHARGED"
  | "MANY_EXERCISES"
  | "NO_WARM_UP_FIRST";

export type GuardrailIssue = {
  code: GuardrailCode;
  message: string;
  /** The plan item the issue concerns (its index in the submitted list), when it concerns one. */
  itemIndex?: number;
  /** Safer exercises to offer instead, for an avoid-list exercise. */
  alternatives?: { id: string; name: string }[];
};

export type GuardrailResult = { blocking: GuardrailIssue[]; warnings: GuardrailIssue[] };

export type PlanCheck = {
  items: GuardrailItem[];
  patient: { status: PatientStatus; hasOpenUrgentAlert: boolean };
  /** True when the plan will be ACTIVE after this write: activation, or a revision of an active plan. */
  activating: boolean;
};

function itemIssues(item: GuardrailItem, itemIndex: number): GuardrailIssue[] {
  const { exercise } = item;
  const issues: GuardrailIssue[] = [];
  if (exercise.safety === "AVOID") {
    const instead = exercise.saferAlternatives.map((alternative) => alternative.name).join(" or ");
    issues.push({
      code: "AVOID_EXERCISE",
      message:
        `${exercise.name} is on the avoid list${exercise.safetyReason ? `: ${exercise.safetyReason}` : "."}` +
        (instead ? ` Try ${instead} instead.` : ""),
      itemIndex,
      alternatives: exercise.saferAlternatives,
    });
  }
  for (const attribute of MOVEMENT_ATTRIBUTES) {
    if (exercise[attribute.key]) {
      issues.push({
        code: "RISKY_ATTRIBUTE",
        message: `${exercise.name} ${attribute.why} (${attribute.label.toLowerCase()}).`,
        itemIndex,
      });
    }
  }
  if (item.intensity !== "LIGHT") {
    issues.push({
      code: "INTENSITY_ABOVE_LIGHT",
      message: `${exercise.name} is set to ${item.intensity.toLowerCase()} intensity; with lower back pain the key word is light.`,
      itemIndex,
    });
  }
  return issues;
}

/** Every reason the plan cannot be written, and every warning, in the order a clinician would fix them. */
export function checkPlan({ items, patient, activating }: PlanCheck): GuardrailResult {
  const blocking: GuardrailIssue[] = items.flatMap(itemIssues);
  const warnings: GuardrailIssue[] = [];

  const seen = new Set<string>();
  items.forEach((item, itemIndex) => {
    if (seen.has(item.exercise.id)) {
      blocking.push({
        code: "DUPLICATE_EXERCISE",
        message: `${item.exercise.name} is already in the plan; change its dose instead of adding it twice.`,
        itemIndex,
      });
    }
    seen.add(item.exercise.id);
  });

  if (items.length === 0) {
    blocking.push({ code: "EMPTY_PLAN", message: "Add at least one exercise to the plan." });
  } else if (items.length > MAX_PLAN_ITEMS) {
    blocking.push({ code: "TOO_MANY_ITEMS", message: `A plan holds at most ${MAX_PLAN_ITEMS} exercises.` });
  }

  if (activating) {
    if (patient.status === "PAUSED_RED_FLAG") {
      blocking.push({
        code: "PATIENT_PAUSED",
        message:
          "This patient reported a red flag. Record a doctor's clearance before the plan can be active.",
      });
    }
    if (patient.hasOpenUrgentAlert) {
      blocking.push({
        code: "OPEN_URGENT_ALERT",
        message: "This patient has an open urgent alert. Acknowledge it and record clearance first.",
      });
    }
  }
  if (patient.status === "DISCHARGED") {
    blocking.push({
      code: "PATIENT_DISCHARGED",
      message: "This patient has been discharged; their plan cannot change.",
    });
  }

  if (items.length > RECOMMENDED_MAX_ITEMS && items.length <= MAX_PLAN_ITEMS) {
    warnings.push({
      code: "MANY_EXERCISES",
      message: `${items.length} exercises: patients keep up shorter plans better. Consider ${RECOMMENDED_MAX_ITEMS} or fewer.`,
    });
  }
  const first = items[0];
  if (first && !first.exercise.warmUp) {
    warnings.push({
      code: "NO_WARM_UP_FIRST",
      message: `The plan opens with ${first.exercise.name}. Start with a gentle warm-up such as walking or light stretching.`,
      itemIndex: 0,
    });
  }
  return { blocking, warnings };
}

/**
 * A clinic template is a plan waiting to happen: the same item rules hold (avoid list, risky attributes,
 * light only, no duplicates, between 1 and MAX_PLAN_ITEMS exercises); there is no patient to check yet.
 */
export function checkTemplate(items: GuardrailItem[]): GuardrailResult {
  return checkPlan({ items, patient: { status: "ACTIVE", hasOpenUrgentAlert: false }, activating: false });
}
