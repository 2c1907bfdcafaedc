import type { Metadata } from "next";
import { ExerciseCard } from "@/components/exercise-card";
import { NewExerciseForm } from "@/components/new-exercise-form";
import { inputClass } from "@/components/form";
import { listExercises } from "@/lib/dal/exercises";
import { requireClinician } from "@/lib/dal/session";
import { CATEGORIES, CATEGORY_LABELS, catalogueFilterSchema } from "@/lib/validation/exercise";

export const metadata: Metadata = { title: "Exercise catalogue" };

export default async function CataloguePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireClinician();
  const filter = catalogueFilterSchema.parse(await searchParams);
  const exercises = await listExercises(user, { query: filter.q, category: filter.category });
  const safe = exercises.filter((exercise) => exercise.safety === "SAFE");
  const avoid = exercises.filter((exercise) => exercise.safety === "AVOID");
  const alternatives = (await listExercises(user)).filter((exercise) => exercise.safety === "SAFE");
  const filtered = Boolean(filter.q || filter.category);

  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Exercise catalogue</h1>
      <p className="mt-1 text-slate-600">
        Gentle, low-impact exercises that keep the back aligned, and the ones to avoid.
      </p>

      <form role="search" className="mt-6 flex flex-wrap items-end gap-3" action="/clinician/exercises">
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            className={inputClass}
            placeholder="Walking, yoga, sit-ups…"
          />
        </div>
        <div>
          <label htmlFor="category" className="block text-sm font-medium">
            Category
          </label>
          <select id="category" name="category" defaultValue={filter.category ?? ""} className={inputClass}>
            <option value="">All categories</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CATEGORY_LABELS[category]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          Filter
        </button>
      </form>

      <section aria-labelledby="safe-heading" className="mt-8">
        <h2 id="safe-heading" className="text-xl font-semibold">
          Safe to prescribe ({safe.length})
        </h2>
        {safe.length === 0 ? (
          <p className="mt-3 text-slate-600">
            {filtered ? "No safe exercise matches that search." : "The catalogue is empty."}
          </p>
        ) : (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {safe.map((exercise) => (
              <ExerciseCard key={exercise.id} exercise={exercise} />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="avoid-heading" className="mt-10">
        <h2 id="avoid-heading" className="text-xl font-semibold text-red-900">
          Avoid list ({avoid.length})
        </h2>
        <p className="mt-1 text-slate-600">
          These bend, twist or heavily load the back. They cannot be added to a plan.
        </p>
        {avoid.length === 0 ? (
          <p className="mt-3 text-slate-600">
            {filtered ? "No avoid-list exercise matches that search." : "The avoid list is empty."}
          </p>
        ) : (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {avoid.map((exercise) => (
              <ExerciseCard key={exercise.id} exercise={exercise} />
            ))}
          </div>
        )}
      </section>

      <section
        aria-labelledby="new-heading"
        className="mt-10 rounded-xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="new-heading" className="text-xl font-semibold">
          Add an exercise for your clinic
        </h2>
        <p className="mt-1 text-slate-600">
          Only your clinic sees it. Its safety follows from its movements: tick any that apply and it joins
          the avoid list. An exercise named or described as an avoid-list motion, such as sit-ups or running,
          must have that movement ticked.
        </p>
        <NewExerciseForm alternatives={alternatives.map(({ id, name }) => ({ id, name }))} />
      </section>
    </main>
  );
}
