// The red flags of the source document, and three signs of cauda equina syndrome that its "tingling or
// numbness" covers only broadly, spelled out as the UK cauda equina pathway asks patients about them. Any one
// of them means: stop, seek immediate medical attention, and do not exercise until a doctor has cleared you.
// Labels are the symptoms' words, exactly as patients see them.

export const RED_FLAGS = [
  { code: "UNABLE_TO_WALK", label: "Unable to walk" },
  { code: "TINGLING_OR_NUMBNESS", label: "Tingling or numbness" },
  { code: "BOWEL_OR_BLADDER_CONTROL", label: "Trouble controlling bowels or bladder" },
  { code: "UNABLE_TO_MOVE_VOLUNTARILY", label: "Unable to move body parts voluntarily" },
  { code: "SADDLE_NUMBNESS", label: "Numbness around your bottom, genitals or inner thighs" },
  { code: "SEXUAL_FUNCTION", label: "New problems with sexual function" },
  { code: "BOTH_LEGS", label: "Pain, numbness or weakness in both legs" },
  { code: "VERY_SEVERE_PAIN", label: "Very severe pain" },
] as const;

export type RedFlagCode = (typeof RED_FLAGS)[number]["code"];
export const RED_FLAG_CODES = RED_FLAGS.map((flag) => flag.code) as [RedFlagCode, ...RedFlagCode[]];

/** "Very severe pain" on the 0-10 numeric pain rating scale starts here. */
export const SEVERE_PAIN_SCORE = 8;

/**
 * Symptoms for which the patient is told to call emergency services rather than wait for an appointment:
 * being unable to walk, and the signs of cauda equina syndrome, which needs surgery within hours.
 */
const EMERGENCY: ReadonlySet<RedFlagCode> = new Set([
  "UNABLE_TO_WALK",
  "BOWEL_OR_BLADDER_CONTROL",
  "SADDLE_NUMBNESS",
  "SEXUAL_FUNCTION",
  "BOTH_LEGS",
]);

export type CheckInAssessment = {
  outcome: "CLEAR" | "RED_FLAG";
  /** Every red flag, in the list's order, including very severe pain when the score reached it. */
  flags: RedFlagCode[];
  callEmergencyServices: boolean;
};

/** Pain of 8 or more on the 0-10 scale, at check-in or after a session, is the "very severe pain" red flag. */
export function isSeverePain(painScore: number | null): boolean {
  return painScore !== null && painScore >= SEVERE_PAIN_SCORE;
}

/** A check-in's red flags. A pain score of null (not given, or unreadable) is unknown: it adds no flag. */
export function assessCheckIn(input: {
  flags: readonly RedFlagCode[];
  painScore: number | null;
}): CheckInAssessment {
  const reported = new Set(input.flags);
  if (isSeverePain(input.painScore)) reported.add("VERY_SEVERE_PAIN");
  const flags = RED_FLAG_CODES.filter((code) => reported.has(code));
  return {
    outcome: flags.length > 0 ? "RED_FLAG" : "CLEAR",
    flags,
    callEmergencyServices: flags.some((flag) => EMERGENCY.has(flag)),
  };
}

export function redFlagLabel(code: RedFlagCode): string {
  return RED_FLAGS.find((flag) => flag.code === code)!.label;
}

/** The alert a clinician reads: "Red flag reported: Unable to walk, Very severe pain (pain 9/10)." */
export function redFlagAlertMessage(flags: readonly RedFlagCode[], painScore: number | null): string {
  const pain = painScore === null ? "pain not given" : `pain ${painScore}/10`;
  return `Red flag reported: ${flags.map(redFlagLabel).join(", ")} (${pain}).`;
}

/**
 * How a clinician closes a red flag, honestly: a doctor cleared the patient to exercise (the plan resumes),
 * the patient was referred for urgent care (the plan stays paused until a doctor clears them), or the
 * patient was discharged from the clinic's care.
 */
export const RED_FLAG_OUTCOMES = [
  { code: "CLEARED", label: "Cleared by a doctor to exercise", effect: "The plan resumes." },
  {
    code: "REFERRED",
    label: "Referred for urgent care",
    effect: "The plan stays paused until a doctor clears them to exercise.",
  },
  { code: "DISCHARGED", label: "Discharged", effect: "The plan is completed and logging ends." },
] as const;

export type RedFlagOutcome = (typeof RED_FLAG_OUTCOMES)[number]["code"];
export const RED_FLAG_OUTCOME_CODES = RED_FLAG_OUTCOMES.map((outcome) => outcome.code) as [
  RedFlagOutcome,
  ...RedFlagOutcome[],
];

/** A red flag waits for the clinician until it is cleared or the patient discharged; a referral does not end it. */
export function awaitsClearance(closures: readonly { outcome: RedFlagOutcome }[]): boolean {
  return !closures.some((closure) => closure.outcome === "CLEARED" || closure.outcome === "DISCHARGED");
}
