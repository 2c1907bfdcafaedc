import { z } from "zod";
import { calendarDay } from "./dates";
import { PATIENT_DETAILS_LIMITS as LIMITS } from "./limits";

const PHONE_SHAPE = /^\+?[0-9][0-9 ()-]{5,22}$/;
const PHONE_MESSAGE = "Give the phone number in digits, such as 07700 900123 or +44 7700 900123.";

/** An empty field means "not recorded": stored as null, never as an empty string. */
const blankAsNull = (text: string) => (text === "" ? null : text);

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `Give ${label} as text.` })
    .trim()
    .max(max, { error: `Keep ${label} under ${max.toLocaleString("en-GB")} characters.` })
    .transform(blankAsNull);

/** A phone number people can type and a phone can dial: digits, spaces, brackets, dashes and a leading +. */
const optionalPhone = z
  .string({ error: PHONE_MESSAGE })
  .trim()
  .transform((text) => text.replace(/\s+/g, " "))
  .refine((text) => text === "" || PHONE_SHAPE.test(text), { error: PHONE_MESSAGE })
  .refine((text) => text.replace(/\D/g, "").length <= 15, {
    error: "A phone number has at most 15 digits.",
  })
  .transform(blankAsNull);

/** The latest calendar day anywhere on Earth now (UTC+14): a birth "today" in any zone is not in the future. */
const latestDayNow = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

const dateOfBirth = z.union([
  z.literal("").transform(() => null),
  calendarDay("the date of birth as a day").refine((day) => day <= latestDayNow(), {
    error: "The date of birth cannot be in the future.",
  }),
]);

export const patientDetailsSchema = z
  .object({
    patientId: z.uuid(),
    dateOfBirth,
    phone: optionalPhone,
    preferredContact: z
      .enum(["", "PHONE", "EMAIL", "TEXT"], { error: "Choose phone call, e-mail or text message." })
      .transform((code) => (code === "" ? null : code)),
    externalRecordNumber: optionalText(LIMITS.externalRecordNumber, "the record number"),
    referralReason: optionalText(LIMITS.referralReason, "the referral reason"),
    emergencyContactName: optionalText(LIMITS.emergencyContactName, "the contact's name"),
    emergencyContactRelationship: optionalText(LIMITS.emergencyContactRelationship, "the relationship"),
    emergencyContactPhone: optionalPhone,
  })
  .strict()
  .superRefine((input, context) => {
    if ((input.preferredContact === "PHONE" || input.preferredContact === "TEXT") && !input.phone) {
      context.addIssue({
        code: "custom",
        path: ["phone"],
        message: "Give a phone number to be contacted by phone call or text message.",
      });
    }
    const contact = [
      input.emergencyContactName,
      input.emergencyContactRelationship,
      input.emergencyContactPhone,
    ];
    if (contact.some(Boolean)) {
      if (!input.emergencyContactName)
        context.addIssue({
          code: "custom",
          path: ["emergencyContactName"],
          message: "Give the emergency contact's name.",
        });
      if (!input.emergencyContactPhone)
        context.addIssue({
          code: "custom",
          path: ["emergencyContactPhone"],
          message: "Give the emergency contact's phone number.",
        });
    }
  });

export type PatientDetailsInput = z.infer<typeof patientDetailsSchema>;
