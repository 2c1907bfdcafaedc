import { PlanItems } from "@/components/plan-items";
import type { listPastPlans } from "@/lib/dal/episodes";
import { formatDate, formatDateTime } from "@/lib/time";

type PastPlan = Awaited<ReturnType<typeof listPastPlans>>[number];

/** Completed plans, read-only: what earlier episodes prescribed and how each plan changed. */
export function PastPlans({ plans, zone }: { plans: PastPlan[]; zone: string }) {
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby="past-plans-heading" className="mt-10">
      <h2 id="past-plans-heading" className="text-xl font-semibold">
        Earlier plans
      </h2>
      <p className="mt-1 text-sm text-slate-600">Completed plans are kept as they were, read-only.</p>
      <div className="mt-3 space-y-4">
        {plans.map((plan) => (
          <details key={plan.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">
              Plan started {formatDate(plan.startDate, "UTC")} · completed {formatDate(plan.updatedAt, zone)}{" "}
              · version {plan.version} · {plan.items.length}{" "}
              {plan.items.length === 1 ? "exercise" : "exercises"}
            </summary>
            <div className="mt-4">
              <PlanItems items={plan.items} />
            </div>
            {plan.versions.length > 0 ? (
              <ol className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200">
                {plan.versions.map((version) => (
                  <li key={version.version} className="px-4 py-2 text-sm">
                    <p className="font-medium">
                      Version {version.version} · {version.status.toLowerCase()} ·{" "}
                      {formatDateTime(version.createdAt, zone, { withZone: true })} · {version.createdBy.name}
                    </p>
                    <p className="mt-1 wrap-anywhere text-slate-700">{version.summary}</p>
                  </li>
                ))}
              </ol>
            ) : null}
          </details>
        ))}
      </div>
    </section>
  );
}
