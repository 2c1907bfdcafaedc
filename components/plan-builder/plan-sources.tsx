"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveTemplateAction } from "@/lib/actions/templates";
import type { PlanBuilderData } from "@/lib/dal/plans";
import type { PlanItemInput } from "@/lib/validation/plan";
import { TEMPLATE_NAME_MAX_LENGTH } from "@/lib/validation/template";
import { FormMessage, inputClass } from "../form";
import { useActionForm } from "../use-action-form";
import { confirmLeaving } from "./use-unsaved-changes";

/** Where a plan can start from (a clinic template, another patient's plan); the builder reloads with it. */
export function PlanStartPicker({
  data,
  dirty,
}: {
  data: Pick<PlanBuilderData, "patient" | "templates" | "copySources">;
  dirty: boolean;
}) {
  const router = useRouter();
  const [template, setTemplate] = useState(data.templates[0]?.id ?? "");
  const [source, setSource] = useState(data.copySources[0]?.id ?? "");
  const open = (query: string) => {
    if (confirmLeaving(dirty)) router.push(`/clinician/patients/${data.patient.id}/plan?${query}`);
  };
  return (
    <section aria-labelledby="plan-start-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="plan-start-heading" className="font-semibold">
        Start from
      </h2>
      <p className="text-sm text-slate-600">Replaces the exercises below; nothing is saved until you save.</p>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="start-template" className="block text-sm font-medium">
            A clinic template
          </label>
          {data.templates.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">Your clinic has no templates yet.</p>
          ) : (
            <div className="mt-1 flex gap-2">
              <select
                id="start-template"
                value={template}
                onChange={(event) => setTemplate(event.target.value)}
                className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5"
              >
                {data.templates.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() => open(`template=${template}`)}
                className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
              >
                Use template
              </button>
            </div>
          )}
        </div>
        <div>
          <label htmlFor="copy-from" className="block text-sm font-medium">
            Another patient&apos;s plan
          </label>
          {data.copySources.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No other patient of your clinic has a plan yet.</p>
          ) : (
            <div className="mt-1 flex gap-2">
              <select
                id="copy-from"
                value={source}
                onChange={(event) => setSource(event.target.value)}
                className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5"
              >
                {data.copySources.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() => open(`copyFrom=${source}`)}
                className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
              >
                Copy plan
              </button>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

/** Saves the builder's exercises as a new clinic template; the plan itself stays as it is, unsaved. */
export function SaveAsTemplate({ items }: { items: PlanItemInput[] }) {
  const { state, pending, onSubmit } = useActionForm(saveTemplateAction);
  const [name, setName] = useState("");
  const payload = JSON.stringify({ templateId: null, name, items });
  const nameErrors = state.fieldErrors?.name;
  const itemErrors = state.fieldErrors?.items;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="save-template-heading"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id="save-template-heading" className="font-semibold">
        Save as a clinic template
      </h2>
      <input type="hidden" name="payload" value={payload} />
      <FormMessage id="template-message" message={state.message} tone={state.ok ? "success" : "error"} />
      {state.issues?.length || itemErrors ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-800">
          {(state.issues ?? []).map((issue) => (
            <li key={`${issue.code}-${issue.itemIndex}`}>{issue.message}</li>
          ))}
          {(itemErrors ?? []).map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor="template-name" className="block text-sm font-medium">
            Template name
          </label>
          <input
            id="template-name"
            type="text"
            maxLength={TEMPLATE_NAME_MAX_LENGTH}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={Boolean(nameErrors)}
            aria-describedby={nameErrors ? "template-name-error" : undefined}
            className={inputClass}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold hover:bg-slate-50 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save as template"}
        </button>
      </div>
      {nameErrors ? (
        <p id="template-name-error" className="mt-1 text-sm text-red-700">
          {nameErrors.join(" ")}
        </p>
      ) : null}
    </form>
  );
}
