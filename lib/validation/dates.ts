import { z } from "zod";
import { EARLIEST_DAY, LATEST_DAY } from "./limits";

const YEARS = `between ${EARLIEST_DAY.slice(0, 4)} and ${LATEST_DAY.slice(0, 4)}`;

/**
 * A calendar day as a date input sends it (YYYY-MM-DD): a real day (not 30 February), within the years any
 * date in Backcare may have. Every date a form or a query string carries is read with this.
 */
export function calendarDay(label: string) {
  const error = `Give ${label} ${YEARS}.`;
  return z.iso.date({ error }).refine((text) => text >= EARLIEST_DAY && text <= LATEST_DAY, { error });
}
