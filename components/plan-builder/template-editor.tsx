"use client";

import { useMemo, useState } from "react";
import { retireTemplateAction, saveTemplateAction } from "@/lib/actions/templates";
import type { CatalogueExercise } from "@/lib/dal/exercises";
import type { TemplateEditorData } from "@/lib/dal/templates";
import { checkTemplate } from "@/lib/domain/guardrails";
import { TEMPLATE_NAME_MAX_LENGTH } from "@/lib/validation/template";
import { FormMessage, inputClass } from "../form";
import { useActionForm } from "../use-action-form";
import { CatalogueSearch } from "./catalogue-search";
import { defaultDose, type DraftItem } from "./plan-builder";
import { PlanItemEditor } from "./plan-item-editor";
import { useUnsavedChangesWarning } from "./use-unsaved-changes";

let nextKey = 0;
const newKey = () => `template-item-${nextKey++}`;

/** A clinic template's name and exercises, edited like a plan and held to the same guardrails. */
export function TemplateEditor({ data }: { data: TemplateEditorData }) {
  const { template, exercises } = data;
  const byId = useMemo(() => new Map(exercises.map((exercise) => [exercise.id, exercise])), [exercises]);
  const [name, setName] = useState(template.name);
  const [items, setItems] = useState<DraftItem[]>(() =>
    template.items
      .filter((item) => byId.has(item.exerciseId))
      .map(({ intensity: _intensity, ...item }) => ({ ...item, key: newKey() })),
  );
  const { state, pending, onSubmit } = useActionForm(saveTemplateAction);
  const retire = useActionForm(retireTemplateAction);
  const [submittedKeys, setSubmittedKeys] = useState<string[]>([]);

  const live = checkTemplate(
    items.map((item) => ({ exercise: byId.get(item.exerciseId)!, intensity: "LIGHT" })),
  );
  const payload = JSON.stringify({
    templateId: template.id,
    name,
    items: items.map(({ key: _key, ...item }) => ({ ...item, intensity: "LIGHT" })),
  });
  // Unsaved: different from the template as loaded, and not what the last successful save sent.
  const [loaded] = useState(payload);
  const [sent, setSent] = useState<string | null>(null);
  const dirty = payload !== loaded && !(state.ok && payload === sent);
  useUnsavedChangesWarning(dirty && !pending && !retire.pending);

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
  const issuesFor = (key: string) => {
    const submitted = submittedKeys.indexOf(key);
    const current = items.findIndex((item) => item.key === key);
    const server = (state.issues ?? []).filter((issue) => submitted >= 0 && issue.itemIndex === submitted);
    const local = [...live.blocking, ...live.warnings].filter((issue) => issue.itemIndex === current);
    const seen = new Set<string>();
    return [...server, ...local].filter((issue) => !seen.has(issue.message) && seen.add(issue.message));
  };
  const fieldErrorsFor = (key: string): Record<string, string[]> => {
    const index = submittedKeys.indexOf(key);
    if (index < 0 || !state.fieldErrors) return {};
    const prefix = `items.${index}.`;
    return Object.fromEntries(
      Object.entries(state.fieldErrors)
        .filter(([field]) => field.startsWith(prefix))
        .map(([field, messages]) => [field.slice(prefix.length), messages ?? []]),
    );
  };

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div>
        <form
          onSubmit={(event) => {
            setSubmittedKeys(items.map((item) => item.key));
            setSent(payload);
            onSubmit(event);
          }}
          aria-labelledby="template-items-heading"
          noValidate
        >
          <input type="hidden" name="payload" value={payload} />
          <FormMessage id="template-message" message={state.message} tone={state.ok ? "success" : "error"} />
          <div className="mt-4">
            <label htmlFor="template-name" className="block text-sm font-medium">
              Template name
            </label>
            <input
              id="template-name"
              type="text"
              maxLength={TEMPLATE_NAME_MAX_LENGTH}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={Boolean(state.fieldErrors?.name)}
              aria-describedby={state.fieldErrors?.name ? "template-name-error" : undefined}
              className={inputClass}
            />
            {state.fieldErrors?.name ? (
              <p id="template-name-error" className="mt-1 text-sm text-red-700">
                {state.fieldErrors.name.join(" ")}
              </p>
            ) : null}
          </div>
          <h2 id="template-items-heading" className="mt-6 text-xl font-semibold">
            Exercises ({items.length})
          </h2>
          {state.fieldErrors?.items ? (
            <p className="mt-2 text-red-800">{state.fieldErrors.items.join(" ")}</p>
          ) : null}
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
          <button
            type="submit"
            disabled={pending || live.blocking.length > 0}
            className="mt-6 rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? "Saving…" : "Save template"}
          </button>
        </form>

        <form onSubmit={retire.onSubmit} className="mt-10 border-t border-slate-200 pt-6">
          <input type="hidden" name="templateId" value={template.id} />
          <h2 className="font-semibold">Retire this template</h2>
          <p className="text-sm text-slate-600">
            It will no longer be offered. Plans already started from it keep their exercises.
          </p>
          <FormMessage id="retire-message" message={retire.state.message} />
          <button
            type="submit"
            disabled={retire.pending}
            className="mt-2 rounded-lg border border-red-300 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            Retire template
          </button>
        </form>
      </div>
      <CatalogueSearch
        exercises={exercises}
        chosen={new Set(items.map((item) => item.exerciseId))}
        onAdd={add}
      />
    </div>
  );
}
