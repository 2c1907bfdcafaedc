import { z } from "zod";
import { calendarDay } from "./dates";

const day = calendarDay("a date");
const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

/**
 * The audit page's query string. Dates are whole days (YYYY-MM-DD), `to` included, in the reader's time zone:
 * the data access layer turns them into instants. A value that cannot be read is
 * dropped and named in `unreadable`, so the page can say which filter it ignored instead of failing.
 */
export const auditQuerySchema = z.object({
  actor: z.preprocess(blankAsMissing, z.uuid().optional()),
  action: z.preprocess(blankAsMissing, z.string().trim().max(100).optional()),
  from: z.preprocess(blankAsMissing, day.optional()),
  to: z.preprocess(blankAsMissing, day.optional()),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditFilters = z.infer<typeof auditQuerySchema>;

const FIELD_NAMES: Record<string, string> = {
  actor: "person",
  action: "action",
  from: "from date",
  to: "to date",
};

/** Parses each filter on its own, keeping the readable ones. */
export function parseAuditQuery(query: Record<string, string | string[] | undefined>): {
  filters: AuditFilters;
  unreadable: string[];
} {
  const single = Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const unreadable: string[] = [];
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(auditQuerySchema.shape)) {
    const one = auditQuerySchema.pick({ [key]: true } as never).safeParse({ [key]: single[key] });
    if (one.success) input[key] = single[key];
    else unreadable.push(FIELD_NAMES[key] ?? key);
  }
  return { filters: auditQuerySchema.parse(input), unreadable };
}
