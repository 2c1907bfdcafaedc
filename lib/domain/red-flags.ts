// The red flags of the source document. Any one of them means: stop, seek immediate medical attention, and do
// not exercise until a doctor has cleared you. Labels are the symptoms' words, exactly as patients see them.

export const RED_FLAGS = [
  { code: "UNABLE_TO_WALK", label: "Unable to walk" },
  { code: "TINGLING_OR_NUMBNESS", label: "Tingling or numbness" },
  { code: "BOWEL_OR_BLADDER_CONTROL", label: "Trouble controlling bowels or bladder" },
  { code: "UNABLE_TO_MOVE_VOLUNTARILY", label: "Unable to move body parts voluntarily" },
  { code: "VERY_SEVERE_PAIN", label: "Very severe pain" },
] as const;

export type RedFlagCode = (typeof RED_FLAGS)[number]["code"];
export const RED_FLAG_CODES = RED_FLAGS.map((flag) => flag.code) as [RedFlagCode, ...RedFlagCode[]];

/** "Very severe pain" on the 0-10 numeric pain rating scale starts here. */
export const SEVERE_PAIN_SCORE = 8;

/** Symptoms for which the patient is told to call emergency services rather than wait for an appointment. */
const EMERGENCY: ReadonlySet<RedFlagCode> = new Set(["UNABLE_TO_WALK", "BOWEL_OR_BLADDER_CONTROL"]);

export type CheckInAssessment = {
  outcome: "CLEAR" | "RED_FLAG";
  /** Every red flag, in the list's order, including very severe pain when the score reached it. */
  flags: RedFlagCode[];
  callEmergencyServices: boolean;
};

export function assessCheckIn(input: {
  flags: readonly RedFlagCode[];
  painScore: number;
}): CheckInAssessment {
  const reported = new Set(input.flags);
  if (input.painScore >= SEVERE_PAIN_SCORE) reported.add("VERY_SEVERE_PAIN");
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
