import type { Metadata } from "next";
import Link from "next/link";
import { PlanBuilder } from "@/components/plan-builder/plan-builder";
import { getPlanBuilder } from "@/lib/dal/plans";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Plan builder" };

export default async function PlanBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireClinician();
  const data = await getPlanBuilder(user, (await params).id);
  const { patient, plan } = data;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <Link href={`/clinician/patients/${patient.id}`} className="text-sm text-brand-700 underline">
        ← {patient.name}
      </Link>
      <h1 className="mt-3 text-2xl font-semibold">
        {plan ? "Revise" : "Build"} {patient.name}&apos;s plan
      </h1>
      <p className="mt-1 text-slate-600">
        {plan
          ? `${plan.status === "DRAFT" ? "Draft" : plan.status === "ACTIVE" ? "Active plan" : "Paused plan"}, version ${plan.version}.${
              plan.status === "DRAFT" ? "" : " Saving makes a new version; the patient is told what changed."
            }`
          : "Choose light exercises from the catalogue and set each dose."}
      </p>
      <PlanBuilder data={data} today={new Date().toISOString().slice(0, 10)} />
    </main>
  );
}
