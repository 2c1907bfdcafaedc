import { DISCLAIMER, LIFESTYLE_TIPS, SESSION_RULES } from "@/lib/domain/guidance";

export function SessionRules() {
  return (
    <section aria-labelledby="rules-heading" className="rounded-xl border border-amber-200 bg-amber-50 p-4">
      <h2 id="rules-heading" className="text-lg font-semibold text-amber-950">
        During every session
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-amber-950">
        {SESSION_RULES.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </section>
  );
}

export function LifestyleTips() {
  return (
    <section aria-labelledby="lifestyle-heading">
      <h2 id="lifestyle-heading" className="text-lg font-semibold">
        Beyond your exercises
      </h2>
      <dl className="mt-2 grid gap-3 sm:grid-cols-2">
        {LIFESTYLE_TIPS.map((tip) => (
          <div key={tip.title} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="font-semibold">{tip.title}</dt>
            <dd className="mt-1 text-slate-700">{tip.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Disclaimer() {
  return <p className="text-sm text-slate-600">{DISCLAIMER}</p>;
}
