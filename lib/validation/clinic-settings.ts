import { z } from "zod";
import { TIME_ZONES, isTimeZone } from "@/lib/time";

export const CLINIC_NAME_MAX = 100;
export const CLINIC_ADDRESS_MAX = 300;

/** A field that may be left empty: empty (or only spaces) is stored as null. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    schema.nullable(),
  );

/**
 * The clinic's settings, one form on /admin/settings. The emergency number is what a patient paused by a red
 * flag is told to call (a constraint in the database checks its form too): digits, spaces, a leading +.
 */
export const clinicSettingsSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { error: "Give the clinic's name." })
      .max(CLINIC_NAME_MAX, { error: `Keep the name under ${CLINIC_NAME_MAX} characters.` }),
    address: optional(
      z
        .string()
        .trim()
        .max(CLINIC_ADDRESS_MAX, { error: `Keep the address under ${CLINIC_ADDRESS_MAX} characters.` }),
    ),
    phone: optional(
      z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 ()-]{4,24}$/, {
          error:
            "Give the phone number as digits, spaces and an optional leading +, such as +44 20 7946 0000.",
        }),
    ),
    emergencyNumber: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ]{1,19}$/, { error: "Give the number as digits, such as 999, 112 or 911." }),
    timeZone: z
      .string()
      .trim()
      // The list offered (every IANA zone, spelt exactly so), never just any name Intl would take: "europe/london"
      // converts in JavaScript but not in PostgreSQL, whose check (migration 20261130030000) is exact.
      .refine((zone) => isTimeZone(zone) && (zone === "UTC" || TIME_ZONES.includes(zone)), {
        error: "Choose a time zone from the list, such as Europe/London.",
      }),
  })
  .strict();

export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
