import { getSeekCareAdvice } from "@/lib/dal/check-ins";
import type { PatientUser } from "@/lib/dal/session";
import { SeekCareAdvice } from "./seek-care-advice";

/** Leads a patient page with the seek-care advice while the patient is paused by a red flag; else nothing. */
export async function PausedAdvice({ user }: { user: PatientUser }) {
  const advice = await getSeekCareAdvice(user);
  return advice ? <SeekCareAdvice {...advice} /> : null;
}
