import type { Metadata } from "next";
import Link from "next/link";
import { InvitePatientForm } from "@/components/invite-patient-form";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Add a patient" };

export default async function NewPatientPage() {
  await requireClinician();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <Link href="/clinician" className="text-sm text-brand-700 underline">
        ← All patients
      </Link>
      <h1 className="mt-3 text-2xl font-semibold">Add a patient</h1>
      <p className="mt-1 text-slate-600">
        They get a one-time link to choose their password. It expires after 7 days; you can make a new one
        from their page.
      </p>
      <InvitePatientForm />
    </main>
  );
}
