import Link from "next/link";
import { MOVEMENT_ATTRIBUTES } from "@/lib/domain/exercise-safety";
import type { CatalogueExercise } from "@/lib/dal/exercises";
import { CATEGORY_LABELS } from "@/lib/validation/exercise";

export function ExerciseCard({ exercise }: { exercise: CatalogueExercise }) {
  const risky = MOVEMENT_ATTRIBUTES.filter((attribute) => exercise[attribute.key]);
  const avoid = exercise.safety === "AVOID";
  return (
    <article
      className={`rounded-xl border bg-white p-4 shadow-sm ${avoid ? "border-red-200" : "border-slate-200"}`}
      aria-labelledby={`exercise-${exercise.id}`}
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 id={`exercise-${exercise.id}`} className="text-lg font-semibold">
          {exercise.name}
        </h3>
        <span className="text-sm text-slate-600">{CATEGORY_LABELS[exercise.category]}</span>
        {exercise.clinicOwned ? (
          <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
            Your clinic{exercise.version > 1 ? `, version ${exercise.version}` : ""}
          </span>
        ) : null}
        {exercise.warmUp ? (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
            Warm-up
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-slate-700">{exercise.summary}</p>
      {exercise.clinicOwned ? (
        <p className="mt-2">
          <Link
            href={`/clinician/exercises/${exercise.id}`}
            className="text-sm font-medium text-brand-700 underline"
          >
            Edit or retire<span className="sr-only"> {exercise.name}</span>
          </Link>
        </p>
      ) : null}
      {avoid ? (
        <div className="mt-3 rounded-lg bg-red-50 p-3 text-sm text-red-900">
          <p>
            <span className="font-semibold">Why it is avoided: </span>
            {exercise.safetyReason}
          </p>
          <p className="mt-1">
            <span className="font-semibold">Movements: </span>
            {risky.map((attribute) => attribute.label).join(", ")}
          </p>
          {exercise.saferAlternatives.length > 0 ? (
            <p className="mt-1">
              <span className="font-semibold">Safer alternative: </span>
              {exercise.saferAlternatives.map((alternative) => alternative.name).join(" or ")}
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="mt-3 text-sm text-slate-700">{exercise.instructions}</p>
          {exercise.formCues.length > 0 ? (
            <ul
              className="mt-2 list-disc pl-5 text-sm text-slate-700"
              aria-label={`Form cues for ${exercise.name}`}
            >
              {exercise.formCues.map((cue) => (
                <li key={cue}>{cue}</li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-xs text-slate-500">
            No forward bend, twisting, heavy spinal load, high impact or competition.
          </p>
        </>
      )}
    </article>
  );
}
