// Small pieces every form shares, so that errors are announced and tied to their fields the same way.

export const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/** The form's summary, read out by screen readers when it changes. */
export function FormMessage({
  id,
  message,
  tone = "error",
}: {
  id: string;
  message?: string;
  tone?: "error" | "success";
}) {
  return (
    <div id={id} aria-live="polite" role="status">
      {message ? (
        <p
          className={
            tone === "error"
              ? "rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800"
              : "rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800"
          }
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

export function SubmitButton({
  pending,
  pendingLabel,
  children,
}: {
  pending: boolean;
  pendingLabel: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

/** A labelled input whose errors are announced with it; the id is the field's name unless given. */
export function TextField({
  name,
  id = name,
  label,
  errors,
  hint,
  ...input
}: {
  name: string;
  id?: string;
  label: string;
  errors?: string[];
  hint?: string;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
