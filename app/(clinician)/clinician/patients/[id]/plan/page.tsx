import type { Metadata } from "next";
import Link from "next/link";
import { PlanBuilder } from "@/components/plan-builder/plan-builder";
import { getPlanBuilder } from "@/lib/dal/plans";
import { requireClinician, timeZoneOf } from "@/lib/dal/session";
import { localDay } from "@/lib/time";
import { planStartSchema } from "@/lib/validation/template";

export const metadata: Metadata = { title: "Plan builder" };

export default async function PlanBuilderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireClinician();
  const start = planStartSchema.parse(await searchParams);
  const data = await getPlanBuilder(user, (await params).id, start);
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
      {/* A new starting point is a new draft: the builder's state starts again from it. */}
      <PlanBuilder
        key={`${start.template ?? ""}:${start.copyFrom ?? ""}`}
        data={data}
        today={localDay(new Date(), timeZoneOf(user))}
      />
    </main>
  );
}
