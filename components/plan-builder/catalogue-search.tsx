"use client";

import { useState } from "react";
import type { CatalogueExercise } from "@/lib/dal/exercises";

function matches(exercise: CatalogueExercise, query: string) {
  const text = `${exercise.name} ${exercise.summary}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word.replace(/s$/, "")));
}

/**
 * The catalogue beside the plan. Safe exercises can be added; avoid-list exercises never can. When a search
 * finds one, the builder says why it is avoided and offers its safer alternatives, one click each.
 */
export function CatalogueSearch({
  exercises,
  chosen,
  onAdd,
}: {
  exercises: CatalogueExercise[];
  chosen: Set<string>;
  onAdd: (exercise: CatalogueExercise) => void;
}) {
  const [query, setQuery] = useState("");
  const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  // A retired exercise is listed only because the plan already holds it: it is never offered again.
  const offered = exercises.filter((exercise) => !exercise.retired);
  const found = query.trim() ? offered.filter((exercise) => matches(exercise, query)) : offered;
  const safe = found.filter((exercise) => exercise.safety === "SAFE");
  const avoided = query.trim() ? found.filter((exercise) => exercise.safety === "AVOID") : [];

  return (
    <aside aria-labelledby="catalogue-heading" className="lg:sticky lg:top-4 lg:self-start">
      <h2 id="catalogue-heading" className="text-xl font-semibold">
        Catalogue
      </h2>
      <label htmlFor="catalogue-search" className="mt-3 block text-sm font-medium">
        Search the catalogue
      </label>
      <input
        id="catalogue-search"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Walking, yoga, running…"
        className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
      />

      <div aria-live="polite">
        {avoided.map((exercise) => (
          <div
            key={exercise.id}
            className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4"
            role="group"
            aria-label={`${exercise.name} is avoided`}
          >
            <p className="font-semibold text-red-900">{exercise.name} is on the avoid list</p>
            <p className="mt-1 text-sm text-red-900">{exercise.safetyReason}</p>
            {exercise.saferAlternatives.length > 0 ? (
              <div className="mt-3 flex flex-wrap gap-2">
                {exercise.saferAlternatives.map((alternative) => {
                  const safer = byId.get(alternative.id);
                  const already = chosen.has(alternative.id);
                  return (
                    <button
                      key={alternative.id}
                      type="button"
                      disabled={!safer || already}
                      onClick={() => safer && onAdd(safer)}
                      className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
                    >
                      {already ? `${alternative.name} is in the plan` : `Add ${alternative.name} instead`}
                    </button>
                  );
                })}
              </div>
            ) : (
              <p className="mt-2 text-sm text-red-900">
                There is no safer alternative on record; choose from the safe exercises.
              </p>
            )}
          </div>
        ))}
      </div>

      <ul className="mt-4 space-y-2">
        {safe.map((exercise) => (
          <li
            key={exercise.id}
            className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2"
          >
            <div>
              <p className="font-medium">{exercise.name}</p>
              <p className="text-xs text-slate-600">
                {exercise.warmUp ? "Warm-up · " : ""}
                {exercise.summary}
              </p>
            </div>
            <button
              type="button"
              onClick={() => onAdd(exercise)}
              disabled={chosen.has(exercise.id)}
              aria-label={`${chosen.has(exercise.id) ? "Added" : "Add"} ${exercise.name}`}
              className="shrink-0 rounded-md border border-brand-600 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:border-slate-200 disabled:text-slate-400"
            >
              {chosen.has(exercise.id) ? "Added" : "Add"}
            </button>
          </li>
        ))}
      </ul>
      {safe.length === 0 && avoided.length === 0 ? (
        <p className="mt-4 text-slate-600">Nothing in the catalogue matches “{query}”.</p>
      ) : null}
    </aside>
  );
}
