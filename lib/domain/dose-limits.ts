// The bounds of a plan item's dose, in one place: the validation, the builder's inputs and the CHECKs of
// migrations 20261125193622 (guardrails) and 20261130070000 (plan items and templates) all say the same.

export const DOSE_LIMITS = {
  sets: { label: "Sets", min: 1, max: 10 },
  repetitions: { label: "Repetitions", min: 1, max: 50 },
  minutes: { label: "Minutes", min: 1, max: 120 },
  holdSeconds: { label: "Hold (seconds)", min: 1, max: 120 },
  restSeconds: { label: "Rest (seconds)", min: 0, max: 600 },
  timesPerWeek: { label: "Times per week", min: 1, max: 14 },
} as const;

export type DoseField = keyof typeof DOSE_LIMITS;

export const NOTE_MAX_LENGTH = 500;

export const SIDES = ["NOT_APPLICABLE", "BOTH", "LEFT", "RIGHT"] as const;
export type Side = (typeof SIDES)[number];

/** How a side reads in the builder's choice and on the patient's page. */
export const SIDE_LABELS: Record<Side, string> = {
  NOT_APPLICABLE: "Not applicable",
  BOTH: "Both sides",
  LEFT: "Left side",
  RIGHT: "Right side",
};
