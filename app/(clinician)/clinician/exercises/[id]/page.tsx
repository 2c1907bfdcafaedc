import type { Metadata } from "next";
import Link from "next/link";
import { NewExerciseForm } from "@/components/new-exercise-form";
import { RetireExerciseForm } from "@/components/retire-exercise-form";
import { getEditableExercise } from "@/lib/dal/exercise-edits";
import { listExercises } from "@/lib/dal/exercises";
import { requireClinician } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Edit exercise" };

export default async function EditExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireClinician();
  const exercise = await getEditableExercise(user, (await params).id);
  const alternatives = (await listExercises(user)).filter(
    (candidate) => candidate.safety === "SAFE" && candidate.id !== exercise.id,
  );
  const plans = exercise.currentPlans;

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p>
        <Link href="/clinician/exercises" className="text-brand-700 underline">
          Back to the catalogue
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Edit {exercise.name}</h1>
      <p className="mt-1 text-slate-600">
        Saving makes version {exercise.version + 1}. Plans that already hold this exercise keep the version
        they prescribed.
      </p>
      {plans > 0 ? (
        <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
          {plans === 1 ? "A current plan holds" : `${plans} current plans hold`} this exercise, so it cannot
          be put on the avoid list until {plans === 1 ? "it is" : "they are"} changed.
        </p>
      ) : null}

      <section
        aria-labelledby="edit-heading"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="edit-heading" className="text-xl font-semibold">
          Exercise details
        </h2>
        <NewExerciseForm
          key={exercise.id}
          exercise={exercise}
          alternatives={alternatives.map(({ id, name }) => ({ id, name }))}
        />
      </section>

      <section
        aria-labelledby="retire-heading"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="retire-heading" className="text-xl font-semibold">
          Retire this exercise
        </h2>
        <p className="mt-1 text-slate-600">
          It leaves your catalogue and can no longer be added to a plan. Plans that hold it keep it.
        </p>
        <RetireExerciseForm exerciseId={exercise.id} />
      </section>
    </main>
  );
}
