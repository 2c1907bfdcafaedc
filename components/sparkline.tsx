/** A small line of pain-after scores (0-10), drawn on the server; its label says the numbers. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 96;
  const height = 28;
  if (values.length === 0) return <span className="text-xs text-slate-500">No sessions in 2 weeks</span>;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((value, index) => `${(index * step).toFixed(1)},${(height - (value / 10) * height).toFixed(1)}`)
    .join(" ");
  return (
    <svg
      width={width}
      height={height}
      viewBox={`-2 -2 ${width + 4} ${height + 4}`}
      role="img"
      aria-label={label}
      className="overflow-visible"
    >
      <title>{label}</title>
      <line x1={0} x2={width} y1={height} y2={height} className="stroke-slate-200" strokeWidth={1} />
      {values.length > 1 ? (
        <polyline
          points={points}
          fill="none"
          className="stroke-brand-600"
          strokeWidth={2}
          strokeLinejoin="round"
        />
      ) : (
        <circle cx={0} cy={height - (values[0]! / 10) * height} r={2.5} className="fill-brand-600" />
      )}
    </svg>
  );
}
