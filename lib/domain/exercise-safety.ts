// Which movements make an exercise unsafe for lower back pain: the source document's rule is to avoid
// anything that bends, twists or heavily loads the back, high impact, and competition. An exercise's
// safety is never chosen by hand; it follows from these attributes (the database CHECK
// "exercise_safety_follows_attributes" says the same).

export const MOVEMENT_ATTRIBUTES = [
  { key: "forwardBend", label: "Forward bend", why: "bends the spine forward under load" },
  { key: "twisting", label: "Twisting", why: "twists the lower back" },
  { key: "heavySpinalLoad", label: "Heavy spinal load", why: "loads the back heavily" },
  { key: "highImpact", label: "High impact", why: "sends repeated impact through the spine" },
  { key: "competitive", label: "Competitive", why: "invites pushing past a safe pace" },
] as const;

export type MovementAttribute = (typeof MOVEMENT_ATTRIBUTES)[number]["key"];
export type MovementAttributes = Record<MovementAttribute, boolean>;
export type Safety = "SAFE" | "AVOID";

export function riskyAttributes(attributes: MovementAttributes): MovementAttribute[] {
  return MOVEMENT_ATTRIBUTES.filter(({ key }) => attributes[key]).map(({ key }) => key);
}

export function deriveSafety(attributes: MovementAttributes): Safety {
  return riskyAttributes(attributes).length > 0 ? "AVOID" : "SAFE";
}

/** A reason a clinician can pass on, built from the attributes, for exercises that carry none of their own. */
export function describeRisk(attributes: MovementAttributes): string | null {
  const reasons = MOVEMENT_ATTRIBUTES.filter(({ key }) => attributes[key]).map(({ why }) => why);
  if (reasons.length === 0) return null;
  const sentence =
    reasons.length === 1 ? reasons[0]! : `${reasons.slice(0, -1).join(", ")} and ${reasons.at(-1)}`;
  return `Avoid with lower back pain: it ${sentence}.`;
}
