import { describeDose } from "@/lib/domain/plan-snapshot";
import type { CurrentPlan } from "@/lib/dal/plans";

/** A plan's exercises with their doses, instructions and form cues, as both patient and clinician read them. */
export function PlanItems({ items }: { items: CurrentPlan["items"] }) {
  return (
    <ol className="space-y-4">
      {items.map((item) => (
        <li key={item.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-lg font-semibold">{item.exercise.name}</h3>
            <p className="text-sm font-medium text-brand-700">{describeDose(item)} · light</p>
          </div>
          <p className="mt-2 text-slate-700">{item.exercise.instructions}</p>
          {item.exercise.formCues.length > 0 ? (
            <div className="mt-3">
              <h4 className="text-sm font-semibold text-slate-800">Form cues</h4>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
                {item.exercise.formCues.map((cue) => (
                  <li key={cue}>{cue}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {item.note ? (
            <p className="mt-3 rounded-lg bg-brand-50 px-3 py-2 text-sm wrap-anywhere text-brand-900">
              Note: {item.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
