import type { Metadata } from "next";
import Link from "next/link";
import { TemplateEditor } from "@/components/plan-builder/template-editor";
import { getTemplateEditor } from "@/lib/dal/templates";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Edit template" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireClinician();
  const data = await getTemplateEditor(user, (await params).id);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <Link href="/clinician/templates" className="text-sm text-brand-700 underline">
        ← Plan templates
      </Link>
      <h1 className="mt-3 text-2xl font-semibold">Edit the template {data.template.name}</h1>
      <p className="mt-1 text-slate-600">
        Changes apply to plans started from it from now on; plans already started keep their own exercises.
      </p>
      <TemplateEditor data={data} />
    </main>
  );
}
