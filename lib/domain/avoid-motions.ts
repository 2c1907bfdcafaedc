// An exercise named or described as an avoid-list motion must carry the movement that puts it on the avoid
// list: "Sit-ups" with nothing ticked would otherwise be derived SAFE and prescribed. Each motion of the
// source document's avoid list is a pattern over the text as `normalizeMotionText` leaves it, written in the
// regular-expression syntax that JavaScript and PostgreSQL share, because the trigger in migration
// 20261130040000_catalogue_guardrail runs the same list (an integration test compares the two).
import { MOVEMENT_ATTRIBUTES, type MovementAttribute, type MovementAttributes } from "./exercise-safety";

export type AvoidMotion = {
  /** How the motion is named to the clinician: "The name mentions sit-ups". */
  motion: string;
  attribute: MovementAttribute;
  pattern: string;
};

// A word boundary both dialects read the same way (JavaScript's \b is PostgreSQL's backspace).
const word = (body: string) => `(^|[^a-z0-9])(${body})([^a-z0-9]|$)`;

export const AVOID_MOTIONS: readonly AvoidMotion[] = [
  // "Sit up straight" and "sit upright" are posture, not the exercise.
  { motion: "sit-ups", attribute: "forwardBend", pattern: word("sit[ -]?ups?(?! (straight|tall))") },
  { motion: "crunches", attribute: "forwardBend", pattern: word("crunch(es|ing)?") },
  {
    motion: "toe touches",
    attribute: "forwardBend",
    pattern: word("toe[ -]?touch(es|ing)?|touch(ing)? (your )?toes"),
  },
  {
    motion: "forward bends",
    attribute: "forwardBend",
    pattern: word("forward[ -]?bend(s|ing)?|bend(s|ing)? forward"),
  },
  { motion: "running", attribute: "highImpact", pattern: word("run|runs|running|jog|jogs|jogging") },
  { motion: "golf", attribute: "twisting", pattern: word("golf(ing|ers?)?") },
  {
    motion: "heavy strength training",
    attribute: "heavySpinalLoad",
    pattern: word("heavy[ -](strength|lifts?|lifting|weights?|squats?)|dead[ -]?lifts?|deadlifting"),
  },
  { motion: "aggressive yoga", attribute: "forwardBend", pattern: word("(aggressive|power|vigorous) yoga") },
  {
    motion: "road cycling",
    attribute: "forwardBend",
    pattern: word("road[ -]?(bicycl|cycl|bik)(e|es|ing)|drop[ -]?(handlebars?|bars?)"),
  },
];

/** Lower case, and every run of characters other than letters, digits and hyphens made one space. */
export function normalizeMotionText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, " ");
}

export type MotionField = "name" | "summary" | "instructions";
export type DescribedExercise = Record<MotionField, string>;
export type MissingMovement = { field: MotionField; motion: string; attribute: MovementAttribute };

const FIELD_WORDS: Record<MotionField, string> = {
  name: "The name",
  summary: "The summary",
  instructions: "The instructions",
};
const FIELDS: MotionField[] = ["name", "summary", "instructions"];

/** The avoid-list motions the text mentions, each with the movement it requires and where it was found. */
export function requiredMovements(exercise: DescribedExercise): MissingMovement[] {
  return FIELDS.flatMap((field) => {
    const text = normalizeMotionText(exercise[field]);
    return AVOID_MOTIONS.filter(({ pattern }) => new RegExp(pattern).test(text)).map(
      ({ motion, attribute }) => ({ field, motion, attribute }),
    );
  });
}

/** The motions the text mentions whose movement is not ticked: each one a reason the exercise is refused. */
export function missingMovements(
  exercise: DescribedExercise & MovementAttributes,
): (MissingMovement & { message: string })[] {
  return requiredMovements(exercise)
    .filter(({ attribute }) => !exercise[attribute])
    .map((missing) => ({ ...missing, message: movementMessage(missing) }));
}

export function movementMessage({ field, motion, attribute }: MissingMovement): string {
  const label = MOVEMENT_ATTRIBUTES.find(({ key }) => key === attribute)!.label;
  return `${FIELD_WORDS[field]} mentions ${motion}, which is on the avoid list. Tick "${label}" under Movements: the exercise then joins the avoid list and cannot be prescribed.`;
}
