import type { WeekAdherence } from "@/lib/domain/progress";
import { formatCalendarDay } from "@/lib/time";

export type AdherenceSummary = { percent: number | null; weeks: WeekAdherence[] };

/**
 * Adherence since the plan started: the percentage of sessions due that were done, and a bar a week (days
 * with a session against the week's target), drawn on the server. The table says the same in words.
 */
export function AdherenceChart({ adherence, title }: { adherence: AdherenceSummary; title: string }) {
  const { percent, weeks } = adherence;
  const width = 28;
  const gap = 8;
  const height = 56;
  const most = Math.max(1, ...weeks.map((week) => Math.max(week.target, week.done)));
  const summary =
    percent === null
      ? `${title}: nothing was due yet.`
      : `${title}: ${percent}% of the sessions due since the plan started.`;
  return (
    <figure className="mt-4 max-w-md">
      <p className="text-2xl font-semibold" aria-hidden="true">
        {percent === null ? "–" : `${percent}%`}
      </p>
      <figcaption className="text-sm text-slate-600">{summary}</figcaption>
      {weeks.length > 0 ? (
        <svg
          width={weeks.length * (width + gap)}
          height={height}
          role="img"
          aria-label={`${title}, week by week: ${weeks.map((week) => `${week.done} of ${week.target}`).join(", ")}`}
          className="mt-2"
        >
          {weeks.map((week, index) => {
            const x = index * (width + gap);
            const targetHeight = (week.target / most) * height;
            const doneHeight = (Math.min(week.done, most) / most) * height;
            return (
              <g key={week.weekStart}>
                <rect
                  x={x}
                  y={height - targetHeight}
                  width={width}
                  height={targetHeight}
                  className="fill-slate-200"
                />
                <rect
                  x={x}
                  y={height - doneHeight}
                  width={width}
                  height={doneHeight}
                  className="fill-brand-600"
                />
              </g>
            );
          })}
        </svg>
      ) : null}
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">Sessions by week</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1">
              Week of
            </th>
            <th scope="col" className="py-1">
              Days with a session
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart} className="border-t border-slate-200">
              <td className="py-1">{formatCalendarDay(week.weekStart)}</td>
              <td className="py-1">
                {week.done} of {week.target}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
