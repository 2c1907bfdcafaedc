import { redFlagLabel, type RedFlagCode } from "@/lib/domain/red-flags";

export type SeekCareAdviceProps = {
  flags: readonly RedFlagCode[];
  painScore: number | null;
  callEmergencyServices: boolean;
  emergencyNumber: string;
  clinicianName: string;
  /** h1 where the advice is the page itself (the red-flag result), h2 where it leads another page. */
  headingLevel?: 1 | 2;
};

/**
 * The advice a patient with a red flag sees first: seek immediate medical attention, what they reported,
 * and the clinic's emergency number as a link a phone can call. Shown on every patient page while the
 * patient is paused, so that leaving the red-flag page never loses it.
 */
export function SeekCareAdvice({
  flags,
  painScore,
  callEmergencyServices,
  emergencyNumber,
  clinicianName,
  headingLevel = 2,
}: SeekCareAdviceProps) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const dial = emergencyNumber.replace(/\s+/g, "");
  return (
    <section
      aria-labelledby="seek-care-heading"
      className="rounded-xl border-2 border-red-600 bg-red-50 p-5 text-red-950"
    >
      <Heading id="seek-care-heading" className="text-2xl font-bold text-red-900">
        Seek immediate medical attention
      </Heading>
      <p className="mt-2">You reported:</p>
      <ul className="mt-1 list-disc pl-6 font-medium">
        {flags.map((flag) => (
          <li key={flag}>
            {redFlagLabel(flag)}
            {flag === "VERY_SEVERE_PAIN" && painScore !== null ? ` (pain ${painScore} out of 10)` : ""}
          </li>
        ))}
      </ul>
      <p
        className={callEmergencyServices ? "mt-4 rounded-lg bg-red-700 p-3 font-semibold text-white" : "mt-4"}
      >
        {callEmergencyServices
          ? "These symptoms can mean a serious problem with the nerves in your spine. Call emergency services now."
          : "Contact your doctor or an urgent care service today. If you cannot walk, or cannot control your bladder or bowels, call emergency services."}
      </p>
      <a
        href={`tel:${dial}`}
        className="mt-4 inline-block rounded-lg bg-red-700 px-5 py-3 text-lg font-bold text-white underline-offset-4 hover:bg-red-800 focus:outline-none focus:ring-4 focus:ring-red-300"
      >
        Call {emergencyNumber}
      </a>
      <p className="mt-4">
        Do not exercise. Your exercise plan is paused until your clinician, {clinicianName}, records that a
        doctor has cleared you. {clinicianName} has been alerted.
      </p>
    </section>
  );
}
