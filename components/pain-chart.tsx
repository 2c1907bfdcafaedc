"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One session; `label` is its local day ("29 Nov"), made on the server in the reader's time zone. */
export type PainPoint = { at: string; label: string; before: number; after: number };

/**
 * Pain before and after each session. The chart is for looking; the table beside it says the same in text
 * for screen readers and for anyone who would rather read.
 */
export function PainChart({ points, title }: { points: PainPoint[]; title: string }) {
  if (points.length === 0) {
    return (
      <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-600">
        No sessions logged yet.
      </p>
    );
  }
  const data = points;
  const first = points[0]!;
  const last = points.at(-1)!;
  const summary = `${title}: ${points.length} sessions from ${first.label} to ${last.label}; pain after went from ${first.after} to ${last.after} out of 10.`;
  return (
    <figure className="mt-3 rounded-xl border border-slate-200 bg-white p-4">
      <div role="img" aria-label={summary} className="h-60 w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="before"
              name="Pain before"
              stroke="#b45309"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="after"
              name="Pain after"
              stroke="#1f6f6a"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">{summary}</figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Pain scores as a table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-4">
                Date
              </th>
              <th scope="col" className="py-1 pr-4">
                Pain before
              </th>
              <th scope="col" className="py-1">
                Pain after
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((point, index) => (
              <tr key={`${point.at}-${index}`} className="border-t border-slate-100">
                <td className="py-1 pr-4">{point.label}</td>
                <td className="py-1 pr-4">{point.before}</td>
                <td className="py-1">{point.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
