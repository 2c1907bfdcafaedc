import { z } from "zod";
import { isTimeZone } from "@/lib/time";

/**
 * A person's own time zone from the account page: an IANA zone, or "" for "use my clinic's" (stored as null,
 * so a later change of the clinic's zone reaches them).
 */
export const ownTimeZoneSchema = z
  .object({
    timeZone: z
      .string()
      .trim()
      .refine((zone) => zone === "" || isTimeZone(zone), {
        error: "Choose a time zone from the list, or your clinic's.",
      })
      .transform((zone) => zone || null),
  })
  .strict();
