import Link from "next/link";
import type { PatientDetails } from "@/lib/dal/patient-details";
import { PREFERRED_CONTACT_LABELS, telHref } from "@/lib/domain/patient-contact";
import { formatDate } from "@/lib/time";

/**
 * How to reach the patient, at the top of their page. The phone is a large tappable link, and leads the block
 * in red while a red flag pauses them: a clinician calling after a red flag is why it is here.
 */
export function PatientContact({
  details,
  paused,
  zone,
}: {
  details: PatientDetails;
  paused: boolean;
  zone: string;
}) {
  const edit = `/clinician/patients/${details.id}/details`;
  const contact = details.emergencyContactName
    ? `${details.emergencyContactName}${details.emergencyContactRelationship ? ` (${details.emergencyContactRelationship})` : ""}`
    : null;
  return (
    <section
      aria-labelledby="contact-heading"
      className={`mt-4 rounded-xl border p-4 ${paused ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="contact-heading" className={`text-lg font-semibold ${paused ? "text-red-900" : ""}`}>
          {paused ? "Call the patient now" : "Contact and referral"}
        </h2>
        <Link href={edit} className="text-sm font-medium text-brand-700 underline">
          Edit details
        </Link>
      </div>
      {details.phone ? (
        <a
          href={telHref(details.phone)}
          className={`mt-2 inline-flex min-h-11 items-center rounded-lg px-4 py-2 text-lg font-semibold ${
            paused ? "bg-red-700 text-white hover:bg-red-800" : "bg-brand-600 text-white hover:bg-brand-700"
          }`}
        >
          Call {details.phone}
        </a>
      ) : (
        <p className={`mt-2 ${paused ? "font-medium text-red-900" : "text-slate-600"}`}>
          No phone number recorded.{" "}
          <Link href={edit} className="underline">
            Add one
          </Link>
        </p>
      )}
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Preferred contact</dt>
        <dd>
          {details.preferredContact ? PREFERRED_CONTACT_LABELS[details.preferredContact] : "Not recorded"}
        </dd>
        <dt className="font-medium">Date of birth</dt>
        <dd>
          {details.dateOfBirth
            ? formatDate(new Date(`${details.dateOfBirth}T12:00:00Z`), "UTC")
            : "Not recorded"}
        </dd>
        <dt className="font-medium">Record number</dt>
        <dd className="wrap-anywhere">{details.externalRecordNumber ?? "Not recorded"}</dd>
        <dt className="font-medium">Referral reason</dt>
        <dd className="whitespace-pre-wrap wrap-anywhere">{details.referralReason ?? "Not recorded"}</dd>
        <dt className="font-medium">Emergency contact</dt>
        <dd className="wrap-anywhere">
          {contact && details.emergencyContactPhone ? (
            <>
              {contact} ·{" "}
              <a
                href={telHref(details.emergencyContactPhone)}
                className="font-medium text-brand-700 underline"
              >
                {details.emergencyContactPhone}
              </a>
            </>
          ) : (
            "Not recorded"
          )}
        </dd>
        <dt className="font-medium">Episode of care</dt>
        <dd>
          {details.dischargedAt
            ? `Discharged ${formatDate(details.dischargedAt, zone)}`
            : `Since ${formatDate(details.episodeStartedAt, zone)}`}
        </dd>
      </dl>
    </section>
  );
}
