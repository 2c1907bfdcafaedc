const LABELS = {
  ACTIVE: { text: "Active", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  PAUSED_RED_FLAG: { text: "Paused: red flag", className: "bg-red-50 text-red-800 ring-red-200" },
  DISCHARGED: { text: "Discharged", className: "bg-slate-100 text-slate-700 ring-slate-200" },
} as const;

export function PatientStatusBadge({ status }: { status: keyof typeof LABELS }) {
  const { text, className } = LABELS[status];
  return (
    <span
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
    >
      {text}
    </span>
  );
}
