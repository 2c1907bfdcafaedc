import type { Metadata } from "next";
import Link from "next/link";
import { listTemplates } from "@/lib/dal/templates";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Plan templates" };

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireClinician();
  const [templates, { retired }] = await Promise.all([listTemplates(user), searchParams]);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Plan templates</h1>
      <p className="mt-1 text-slate-600">
        Your clinic&apos;s starting points for plans. Save one from a patient&apos;s plan builder; start a
        plan from one under &ldquo;Start from&rdquo; in the builder, then set each dose for that patient.
      </p>
      <div role="status" aria-live="polite">
        {retired ? (
          <p className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800">
            The template was retired.
          </p>
        ) : null}
      </div>
      {templates.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No templates yet.
        </p>
      ) : (
        <ul className="mt-6 space-y-3">
          {templates.map((template) => (
            <li key={template.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link href={`/clinician/templates/${template.id}`} className="text-brand-700 underline">
                  {template.name}
                </Link>
              </h2>
              <p className="mt-1 text-slate-700">
                {template.items.map((item) => item.exercise.name).join(", ")}
              </p>
              <p className="mt-1 text-sm text-slate-600">Saved by {template.createdBy.name}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
