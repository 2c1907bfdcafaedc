import { TZDate, tzName } from "@date-fns/tz";
import { format } from "date-fns";

// Dates and times as a person sees them: in their clinic's time zone, or their own when they chose one.
// Everything is stored in UTC (timestamptz); this module is the one place that turns an instant into a local
// day or a local time. Calculations use @date-fns/tz, never hand-written offsets.

export const DEFAULT_TIME_ZONE = "Europe/London";

/** Every IANA time zone this runtime knows, for pickers and validation. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf("timeZone");
const KNOWN = new Set(TIME_ZONES);

/**
 * Whether `zone` is an IANA time zone name exactly as this runtime lists it ("UTC" included). Intl also
 * accepts other spellings ("europe/london"), which PostgreSQL's list does not: only the canonical name is
 * stored.
 */
export function isTimeZone(zone: string): boolean {
  return zone === "UTC" || KNOWN.has(zone);
}

/**
 * The zone to show a signed-in user dates and times in (SessionUser.timeZone, already their own or their
 * clinic's); the default only for users made up by tests.
 */
export function timeZoneOf(user: { timeZone?: string }): string {
  return user.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The zone a person sees times in: their own choice, else their clinic's. */
export function zoneOf(person: { timeZone?: string | null }, clinic: { timeZone: string }): string {
  return person.timeZone ?? clinic.timeZone;
}

/** The instant as a wall-clock date in `zone`, for date-fns calculations (startOfDay, startOfWeek, …). */
export function inZone(instant: Date, zone: string): TZDate {
  return new TZDate(instant.getTime(), zone);
}

/** The local calendar day of an instant in `zone`, as YYYY-MM-DD. */
export function localDay(instant: Date, zone: string): string {
  return format(inZone(instant, zone), "yyyy-MM-dd");
}

/** The zone's short name at that instant, as people read it ("EST", "GMT+1"). */
export function zoneName(instant: Date, zone: string): string {
  return tzName(zone, instant, "short");
}

/** "Mon 30 Nov 2026, 14:05" in `zone`; with `withZone`, followed by the zone's short name ("EST"). */
export function formatDateTime(instant: Date, zone: string, { withZone = false } = {}): string {
  const text = format(inZone(instant, zone), "EEE d MMM yyyy, HH:mm");
  return withZone ? `${text} ${zoneName(instant, zone)}` : text;
}

/** "Mon 30 Nov 2026" in `zone`. */
export function formatDate(instant: Date, zone: string): string {
  return format(inZone(instant, zone), "EEE d MMM yyyy");
}

/** "14:05" in `zone`. */
export function formatTime(instant: Date, zone: string): string {
  return format(inZone(instant, zone), "HH:mm");
}

/** "30 Nov" in `zone`: the short day label of charts and lists. */
export function formatDayMonth(instant: Date, zone: string): string {
  return format(inZone(instant, zone), "d MMM");
}

/**
 * A calendar date stored without a time (a PostgreSQL `date`, which Prisma reads as UTC midnight), as
 * YYYY-MM-DD. No zone applies: the 3rd of March is the 3rd of March everywhere.
 */
export function calendarDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD calendar day as people read it: "Mon 30 Nov 2026". */
export function formatCalendarDay(day: string): string {
  return format(new TZDate(`${day}T00:00:00Z`, "UTC"), "EEE d MMM yyyy");
}

/** The instant a YYYY-MM-DD day begins in `zone` (not always 00:00 UTC-offset-wise: daylight saving). */
export function startOfLocalDay(day: string, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, zone).getTime());
}

/** The instant the day after a YYYY-MM-DD day begins in `zone`: the exclusive end of that day. */
export function endOfLocalDay(day: string, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + 1, zone).getTime());
}
