import { TZDate, tzName } from "@date-fns/tz";
import { format } from "date-fns";

// Dates and times as a person sees them: in their clinic's time zone, or their own when they chose one.
// Everything is stored in UTC (timestamptz); this module is the one place that turns an instant into a local
// day or a local time. Calculations use @date-fns/tz, never hand-written offsets.

export const DEFAULT_TIME_ZONE = "Europe/London";

/** Every IANA time zone this runtime knows, for pickers and validation. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf("timeZone");
const KNOWN = new Set(TIME_ZONES);

/** Whether `zone` is an IANA time zone name this runtime can convert to ("UTC" included). */
export function isTimeZone(zone: string): boolean {
  if (KNOWN.has(zone) || zone === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone.includes("/");
  } catch {
    return false;
  }
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
