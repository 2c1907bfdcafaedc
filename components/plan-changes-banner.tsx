"use client";

import { useActionState } from "react";
import { acknowledgePlanAction } from "@/lib/actions/patient-plan";
import { initialFormState } from "@/lib/actions/form-state";

export function PlanChangesBanner({
  planId,
  version,
  clinicianName,
  changes,
}: {
  planId: string;
  version: number;
  clinicianName: string;
  changes: { version: number; summary: string }[];
}) {
  const [state, action, pending] = useActionState(acknowledgePlanAction, initialFormState);
  if (state.ok) return null;
  const isNew =
    changes.some((change) => change.version === 1) ||
    changes.every((change) => change.summary.startsWith("Plan"));
  return (
    <section
      aria-labelledby="changes-heading"
      className="rounded-xl border border-brand-600/30 bg-brand-50 p-4"
    >
      <h2 id="changes-heading" className="text-lg font-semibold text-brand-900">
        {isNew ? `${clinicianName} set up your plan` : `${clinicianName} changed your plan`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-brand-900">
        {changes.map((change) => (
          <li key={change.version}>{change.summary}</li>
        ))}
      </ul>
      <form action={action} className="mt-3">
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          Got it
        </button>
      </form>
      {state.message ? <p className="mt-2 text-sm text-red-800">{state.message}</p> : null}
    </section>
  );
}
