"use client";

import type { CatalogueExercise } from "@/lib/dal/exercises";
import { DOSE_LIMITS, NOTE_MAX_LENGTH, SIDES, SIDE_LABELS, type Side } from "@/lib/domain/dose-limits";
import type { GuardrailIssue } from "@/lib/domain/guardrails";
import type { DraftItem } from "./plan-builder";

const numberFields = (
  ["sets", "repetitions", "minutes", "holdSeconds", "restSeconds", "timesPerWeek"] as const
).map((field) => ({ field, ...DOSE_LIMITS[field] }));

const WARNING_CODES = new Set(["MANY_EXERCISES", "NO_WARM_UP_FIRST"]);

export function PlanItemEditor({
  item,
  exercise,
  index,
  count,
  issues,
  fieldErrors,
  onChange,
  onMove,
  onRemove,
}: {
  item: DraftItem;
  exercise: CatalogueExercise;
  index: number;
  count: number;
  issues: GuardrailIssue[];
  fieldErrors: Record<string, string[]>;
  onChange: (item: DraftItem) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = `item-${item.key}`;
  const blocking = issues.filter((issue) => !WARNING_CODES.has(issue.code));
  const warnings = issues.filter((issue) => WARNING_CODES.has(issue.code));
  return (
    <li
      className={`rounded-xl border bg-white p-4 shadow-sm ${blocking.length ? "border-red-300" : "border-slate-200"}`}
      aria-labelledby={`${id}-name`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-500">{index + 1}.</span>
        <h3 id={`${id}-name`} className="font-semibold">
          {exercise.name}
        </h3>
        <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
          Light
        </span>
        <div className="ml-auto flex gap-1">
          <button
            type="button"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move ${exercise.name} up`}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
          >
            ↑
          </button>
          <button
            type="button"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move ${exercise.name} down`}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm disabled:opacity-40"
          >
            ↓
          </button>
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove ${exercise.name}`}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm text-red-800 hover:bg-red-50"
          >
            Remove
          </button>
        </div>
      </div>

      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {numberFields.map(({ field, label, min, max }) => {
          const errors = fieldErrors[field];
          return (
            <div key={field}>
              <label htmlFor={`${id}-${field}`} className="block text-sm font-medium">
                {label}
              </label>
              <input
                id={`${id}-${field}`}
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                value={item[field] ?? ""}
                onChange={(event) =>
                  onChange({
                    ...item,
                    [field]:
                      event.target.value === ""
                        ? field === "timesPerWeek"
                          ? 0
                          : null
                        : Number(event.target.value),
                  })
                }
                aria-invalid={Boolean(errors)}
                aria-describedby={errors ? `${id}-${field}-error` : undefined}
                className="mt-1 w-full rounded-lg border border-slate-300 px-2 py-1.5 aria-[invalid=true]:border-red-600"
              />
              {errors ? (
                <p id={`${id}-${field}-error`} className="mt-1 text-xs text-red-700">
                  {errors.join(" ")}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor={`${id}-side`} className="block text-sm font-medium">
            Side
          </label>
          <select
            id={`${id}-side`}
            value={item.side}
            onChange={(event) => onChange({ ...item, side: event.target.value as Side })}
            aria-invalid={Boolean(fieldErrors.side)}
            aria-describedby={fieldErrors.side ? `${id}-side-error` : undefined}
            className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5"
          >
            {SIDES.map((side) => (
              <option key={side} value={side}>
                {SIDE_LABELS[side]}
              </option>
            ))}
          </select>
          {fieldErrors.side ? (
            <p id={`${id}-side-error`} className="mt-1 text-xs text-red-700">
              {fieldErrors.side.join(" ")}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-note`} className="block text-sm font-medium">
            Note for the patient
          </label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={NOTE_MAX_LENGTH}
            value={item.note ?? ""}
            onChange={(event) => onChange({ ...item, note: event.target.value || null })}
            aria-invalid={Boolean(fieldErrors.note)}
            aria-describedby={fieldErrors.note ? `${id}-note-error` : undefined}
            className="mt-1 w-full rounded-lg border border-slate-300 px-2 py-1.5"
          />
          {fieldErrors.note ? (
            <p id={`${id}-note-error`} className="mt-1 text-xs text-red-700">
              {fieldErrors.note.join(" ")}
            </p>
          ) : null}
        </div>
      </div>

      {blocking.length > 0 ? (
        <ul
          className="mt-3 space-y-1 rounded-lg bg-red-50 p-3 text-sm text-red-900"
          aria-label={`Problems with ${exercise.name}`}
        >
          {blocking.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="mt-3 space-y-1 rounded-lg bg-amber-50 p-3 text-sm text-amber-950">
          {warnings.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
