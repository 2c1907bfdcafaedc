// What a logged session means for the patient and their clinician. From the source document: stop
// immediately if anything makes the pain worse or makes it spread; take a rest day if light exercise
// aggravates the pain; soreness like the day after a new workout eases with massage, stretching and light
// activity. Pain after a session of 8 or more is the "very severe pain" red flag (lib/domain/red-flags.ts).

import { isSeverePain } from "./red-flags";

/** A rise of pain across a session, in points on the 0-10 scale, that counts as the session aggravating it. */
export const PAIN_RISE_POINTS = 2;
/** A rise across one session that warns the clinician at once, whatever the patient called it. */
export const SESSION_RISE_WARNING_POINTS = 3;

export type Discomfort = "NONE" | "SORENESS" | "PAIN";

export type SessionPain = { painBefore: number; painAfter: number };

export type SessionAlertReason = "PAIN_WORSE_OR_SPREAD" | "PAIN_ROSE_IN_SESSION" | "RISING_PAIN";

export type SessionAssessment = {
  /** Pain of 8 or more after (or already before) the session: the red-flag path (pause, urgent alert, seek care). */
  severePain: boolean;
  alerts: { reason: SessionAlertReason; message: string }[];
  guidance: ("STOP_AND_REST" | "REST_DAY" | "SORENESS")[];
};

export function painRise(session: SessionPain): number {
  return session.painAfter - session.painBefore;
}

export function painRose(session: SessionPain): boolean {
  return painRise(session) >= PAIN_RISE_POINTS;
}

/**
 * Assesses a session against the one logged just before it (null when it is the first). WARNING alerts:
 * pain that got worse or spread; a rise across this one session of 3 points or more, or of 2 or more when
 * the patient calls it pain rather than soreness; otherwise, this and the previous session both ending at
 * least 2 points above where they started. A session whose discomfort was not given (null) is judged on
 * its numbers alone.
 */
export function assessSession(
  session: SessionPain & { worseOrSpread: boolean; discomfort: Discomfort | null },
  previous: SessionPain | null,
): SessionAssessment {
  const alerts: SessionAssessment["alerts"] = [];
  const guidance: SessionAssessment["guidance"] = [];
  const rise = painRise(session);
  const { painBefore: before, painAfter: after } = session;
  if (session.worseOrSpread) {
    alerts.push({
      reason: "PAIN_WORSE_OR_SPREAD",
      message: `Pain got worse or spread during the session (pain ${before} before, ${after} after).`,
    });
    guidance.push("STOP_AND_REST");
  }
  const roseInSession =
    rise >= SESSION_RISE_WARNING_POINTS || (session.discomfort === "PAIN" && rise >= PAIN_RISE_POINTS);
  // "Worse or spread" already warns about this session, with its numbers.
  if (roseInSession && !session.worseOrSpread) {
    alerts.push({
      reason: "PAIN_ROSE_IN_SESSION",
      message: `Pain rose by ${rise} points during the session (pain ${before} before, ${after} after).`,
    });
  } else if (painRose(session) && previous && painRose(previous)) {
    alerts.push({
      reason: "RISING_PAIN",
      message: `Pain rose by ${PAIN_RISE_POINTS} or more points in two sessions in a row (${previous.painBefore}→${previous.painAfter}, then ${before}→${after}).`,
    });
  }
  if (painRose(session) && !session.worseOrSpread) guidance.push("REST_DAY");
  if (session.discomfort === "SORENESS") guidance.push("SORENESS");
  return { severePain: isSeverePain(after) || isSeverePain(before), alerts, guidance };
}
