/**
 * A table of records that scrolls sideways inside its own region on a narrow screen. The region is named
 * and takes keyboard focus, so it can be scrolled without a mouse. `children` are the body's rows.
 */
export function ScrollingTable({
  label,
  caption,
  columns,
  children,
}: {
  label: string;
  /** Read by screen readers only. */
  caption?: string;
  columns: string[];
  children: React.ReactNode;
}) {
  return (
    <div
      className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
