import { getSeekCareAdvice } from "@/lib/dal/check-ins";
import type { PatientUser } from "@/lib/dal/session";
import { SeekCareAdvice } from "./seek-care-advice";

/** Leads a patient page with the seek-care advice while the patient is paused by a red flag; else nothing. */
export async function PausedAdvice({ user, className }: { user: PatientUser; className?: string }) {
  const advice = await getSeekCareAdvice(user);
  if (!advice) return null;
  return className ? (
    <div className={className}>
      <SeekCareAdvice {...advice} />
    </div>
  ) : (
    <SeekCareAdvice {...advice} />
  );
}
