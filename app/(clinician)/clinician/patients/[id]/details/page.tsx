import type { Metadata } from "next";
import Link from "next/link";
import { PatientDetailsForm } from "@/components/patient-details-form";
import { getPatientDetails } from "@/lib/dal/patient-details";
import { requireClinician } from "@/lib/dal/session";
import { localDay } from "@/lib/time";

export const metadata: Metadata = { title: "Patient details" };

export default async function PatientDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireClinician();
  const patient = await getPatientDetails(user, (await params).id);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <Link href={`/clinician/patients/${patient.id}`} className="text-sm text-brand-700 underline">
        ← {patient.name}
      </Link>
      <h1 className="mt-3 text-2xl font-semibold">Details of {patient.name}</h1>
      <p className="mt-1 text-slate-600">
        How to reach {patient.name} and why they were referred. Leave a field empty when it is not known.
      </p>
      <PatientDetailsForm
        patientId={patient.id}
        today={localDay(new Date(), "Pacific/Kiritimati")}
        values={{
          dateOfBirth: patient.dateOfBirth,
          phone: patient.phone,
          preferredContact: patient.preferredContact,
          externalRecordNumber: patient.externalRecordNumber,
          referralReason: patient.referralReason,
          emergencyContactName: patient.emergencyContactName,
          emergencyContactRelationship: patient.emergencyContactRelationship,
          emergencyContactPhone: patient.emergencyContactPhone,
        }}
      />
    </main>
  );
}
