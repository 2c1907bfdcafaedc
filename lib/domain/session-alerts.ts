// What a logged session means for the patient and their clinician. From the source document: stop
// immediately if anything makes the pain worse or makes it spread; take a rest day if light exercise
// aggravates the pain; soreness like the day after a new workout eases with massage, stretching and light
// activity.

/** A rise of pain across a session, in points on the 0-10 scale, that counts as the session aggravating it. */
export const PAIN_RISE_POINTS = 2;

export type SessionPain = { painBefore: number; painAfter: number };

export type SessionAssessment = {
  alerts: { reason: "PAIN_WORSE_OR_SPREAD" | "RISING_PAIN"; message: string }[];
  guidance: ("STOP_AND_REST" | "REST_DAY" | "SORENESS")[];
};

export function painRose(session: SessionPain): boolean {
  return session.painAfter - session.painBefore >= PAIN_RISE_POINTS;
}

/**
 * Assesses a session against the one logged just before it (null when it is the first): a WARNING alert when
 * the pain got worse or spread, and one when this and the previous session both ended at least two points
 * above where they started.
 */
export function assessSession(
  session: SessionPain & { worseOrSpread: boolean; discomfort: "NONE" | "SORENESS" | "PAIN" },
  previous: SessionPain | null,
): SessionAssessment {
  const alerts: SessionAssessment["alerts"] = [];
  const guidance: SessionAssessment["guidance"] = [];
  if (session.worseOrSpread) {
    alerts.push({
      reason: "PAIN_WORSE_OR_SPREAD",
      message: `Pain got worse or spread during the session (pain ${session.painBefore} before, ${session.painAfter} after).`,
    });
    guidance.push("STOP_AND_REST");
  }
  if (painRose(session) && previous && painRose(previous)) {
    alerts.push({
      reason: "RISING_PAIN",
      message: `Pain rose by ${PAIN_RISE_POINTS} or more points in two sessions in a row (${previous.painBefore}→${previous.painAfter}, then ${session.painBefore}→${session.painAfter}).`,
    });
  }
  if (painRose(session) && !session.worseOrSpread) guidance.push("REST_DAY");
  if (session.discomfort === "SORENESS") guidance.push("SORENESS");
  return { alerts, guidance };
}
