"use client";

import { useMemo, useState } from "react";
import { savePlanAction } from "@/lib/actions/plans";
import type { CatalogueExercise } from "@/lib/dal/exercises";
import type { PlanBuilderData } from "@/lib/dal/plans";
import { checkPlan, type GuardrailIssue } from "@/lib/domain/guardrails";
import { EARLIEST_DAY, LATEST_DAY } from "@/lib/validation/limits";
import type { PlanItemInput } from "@/lib/validation/plan";
import { FormMessage } from "../form";
import { useActionForm } from "../use-action-form";
import { CatalogueSearch } from "./catalogue-search";
import { PlanItemEditor } from "./plan-item-editor";
import { PlanStartPicker, SaveAsTemplate } from "./plan-sources";
import { useUnsavedChangesWarning } from "./use-unsaved-changes";

export type DraftItem = Omit<PlanItemInput, "intensity"> & { key: string };

let nextKey = 0;
const newKey = () => `item-${nextKey++}`;

const noExtras = { holdSeconds: null, restSeconds: null, side: "NOT_APPLICABLE", note: null } as const;

export function defaultDose(exercise: CatalogueExercise): Omit<DraftItem, "key" | "exerciseId"> {
  return exercise.category === "STRENGTH" || exercise.category === "FLEXIBILITY"
    ? { ...noExtras, sets: 2, repetitions: 8, minutes: null, timesPerWeek: 3 }
    : { ...noExtras, sets: null, repetitions: null, minutes: 15, timesPerWeek: 3 };
}

/** What the patient would get, in a fixed shape: two drafts with the same fingerprint save the same plan. */
function fingerprint(items: ReadonlyArray<Omit<PlanItemInput, "intensity">>, startDate: string): string {
  return JSON.stringify([
    startDate,
    items.map((item) => [
      item.exerciseId,
      item.sets,
      item.repetitions,
      item.minutes,
      item.holdSeconds,
      item.restSeconds,
      item.side,
      item.timesPerWeek,
      item.note || null,
    ]),
  ]);
}

export function PlanBuilder({ data, today }: { data: PlanBuilderData; today: string }) {
  const { patient, plan, exercises, start } = data;
  const byId = useMemo(() => new Map(exercises.map((exercise) => [exercise.id, exercise])), [exercises]);
  // A template or a copied plan replaces the items; the saved plan stays the baseline for "unsaved changes".
  const [items, setItems] = useState<DraftItem[]>(() =>
    (start?.items ?? plan?.items ?? []).map(({ intensity: _intensity, ...item }) => ({
      ...item,
      key: newKey(),
    })),
  );
  const [startDate, setStartDate] = useState(plan?.startDate ?? today);
  const { state, pending, onSubmit } = useActionForm(savePlanAction);
  // Server issues point at the submitted list's indexes; remember which item each index was.
  const [submittedKeys, setSubmittedKeys] = useState<string[]>([]);

  const willBeActive = plan?.status === "ACTIVE" || plan?.status === "PAUSED";
  const live = checkPlan({
    items: items.map((item) => ({ exercise: byId.get(item.exerciseId)!, intensity: "LIGHT" })),
    patient: { status: patient.status, hasOpenUrgentAlert: patient.hasOpenUrgentAlert },
    activating: true,
  });
  const canActivate = live.blocking.length === 0;
  const activationBlockers = live.blocking.filter((issue) => issue.itemIndex === undefined);

  function issuesFor(key: string): GuardrailIssue[] {
    const index = submittedKeys.indexOf(key);
    const server = index < 0 ? [] : (state.issues ?? []).filter((issue) => issue.itemIndex === index);
    const current = items.findIndex((item) => item.key === key);
    const local = [...live.blocking, ...live.warnings].filter((issue) => issue.itemIndex === current);
    const seen = new Set<string>();
    return [...server, ...local].filter((issue) => !seen.has(issue.message) && seen.add(issue.message));
  }

  function fieldErrorsFor(key: string): Record<string, string[]> {
    const index = submittedKeys.indexOf(key);
    if (index < 0 || !state.fieldErrors) return {};
    const prefix = `items.${index}.`;
    return Object.fromEntries(
      Object.entries(state.fieldErrors)
        .filter(([field]) => field.startsWith(prefix))
        .map(([field, messages]) => [field.slice(prefix.length), messages ?? []]),
    );
  }

  function add(exercise: CatalogueExercise) {
    if (exercise.safety !== "SAFE" || items.some((item) => item.exerciseId === exercise.id)) return;
    setItems([...items, { key: newKey(), exerciseId: exercise.id, ...defaultDose(exercise) }]);
  }

  function move(index: number, by: -1 | 1) {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setItems(next);
  }

  const itemInputs: PlanItemInput[] = items.map(({ key: _key, ...item }) => ({
    ...item,
    intensity: "LIGHT",
  }));
  const payload = JSON.stringify({
    patientId: patient.id,
    planId: plan?.id ?? null,
    expectedVersion: plan?.version ?? null,
    startDate,
    items: itemInputs,
  });
  const [saved] = useState(() => fingerprint(plan?.items ?? [], plan?.startDate ?? today));
  const dirty = fingerprint(itemInputs, startDate) !== saved;
  useUnsavedChangesWarning(dirty && !pending);
  const generalIssues = (state.issues ?? []).filter((issue) => issue.itemIndex === undefined);

  return (
    <>
      <div className="mt-6">
        <PlanStartPicker data={data} dirty={dirty} />
        {start ? (
          <p
            role="status"
            className="mt-3 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-brand-900"
          >
            Started from {start.from}. Check each dose for {patient.name}; nothing is saved until you save.
            {start.left > 0
              ? ` ${start.left === 1 ? "One exercise is" : `${start.left} exercises are`} no longer in your catalogue and ${start.left === 1 ? "was" : "were"} left out.`
              : ""}
          </p>
        ) : null}
      </div>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <form
          onSubmit={(event) => {
            setSubmittedKeys(items.map((item) => item.key));
            onSubmit(event);
          }}
          aria-labelledby="plan-items-heading"
          noValidate
        >
          <input type="hidden" name="payload" value={payload} />
          <FormMessage id="plan-message" message={state.message} tone={state.ok ? "success" : "error"} />
          {generalIssues.length > 0 || state.fieldErrors?.form ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-red-800">
              {generalIssues.map((issue) => (
                <li key={issue.code}>{issue.message}</li>
              ))}
              {state.fieldErrors?.form?.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}

          <div className="mt-4 flex flex-wrap items-end justify-between gap-3">
            <h2 id="plan-items-heading" className="text-xl font-semibold">
              Exercises ({items.length})
            </h2>
            <div>
              <label htmlFor="start-date" className="block text-sm font-medium">
                Start date
              </label>
              <input
                id="start-date"
                type="date"
                min={EARLIEST_DAY}
                max={LATEST_DAY}
                value={startDate}
                onChange={(event) => setStartDate(event.target.value)}
                className="mt-1 rounded-lg border border-slate-300 px-3 py-2"
                aria-invalid={Boolean(state.fieldErrors?.startDate)}
              />
              {state.fieldErrors?.startDate ? (
                <p className="mt-1 text-sm text-red-700">{state.fieldErrors.startDate.join(" ")}</p>
              ) : null}
            </div>
          </div>

          {items.length === 0 ? (
            <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">
              No exercises yet. Add them from the catalogue; start with a warm-up such as walking or light
              stretching.
            </p>
          ) : (
            <ol className="mt-4 space-y-3">
              {items.map((item, index) => (
                <PlanItemEditor
                  key={item.key}
                  item={item}
                  exercise={byId.get(item.exerciseId)!}
                  index={index}
                  count={items.length}
                  issues={issuesFor(item.key)}
                  fieldErrors={fieldErrorsFor(item.key)}
                  onChange={(changed) =>
                    setItems(items.map((other) => (other.key === item.key ? changed : other)))
                  }
                  onMove={(by) => move(index, by)}
                  onRemove={() => setItems(items.filter((other) => other.key !== item.key))}
                />
              ))}
            </ol>
          )}

          {activationBlockers.length > 0 && items.length > 0 ? (
            <ul className="mt-4 space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              {activationBlockers.map((issue) => (
                <li key={issue.code}>{issue.message}</li>
              ))}
            </ul>
          ) : null}

          <div className="mt-6 flex flex-wrap gap-3">
            {willBeActive ? (
              <button
                type="submit"
                name="intent"
                value="save"
                disabled={pending}
                className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
              >
                {pending ? "Saving…" : "Save new version"}
              </button>
            ) : (
              <>
                <button
                  type="submit"
                  name="intent"
                  value="save"
                  disabled={pending}
                  className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold hover:bg-slate-50 disabled:opacity-60"
                >
                  Save draft
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="activate"
                  disabled={pending || !canActivate}
                  className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
                >
                  {pending ? "Saving…" : "Save and activate"}
                </button>
              </>
            )}
          </div>
        </form>

        <CatalogueSearch
          exercises={exercises}
          chosen={new Set(items.map((item) => item.exerciseId))}
          onAdd={add}
        />
      </div>
      {items.length > 0 ? <SaveAsTemplate items={itemInputs} /> : null}
    </>
  );
}
