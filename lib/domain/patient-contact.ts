// How a clinician reaches a patient: the preferred way's words and a phone number as a tappable link.

export const PREFERRED_CONTACT_LABELS = {
  PHONE: "Phone call",
  EMAIL: "E-mail",
  TEXT: "Text message",
} as const;

export type PreferredContactCode = keyof typeof PREFERRED_CONTACT_LABELS;

/** A `tel:` link a phone can dial: the leading + and the digits, nothing else ("07700 900-123" → "tel:07700900123"). */
export function telHref(phone: string): string {
  const plus = phone.trim().startsWith("+") ? "+" : "";
  return `tel:${plus}${phone.replace(/\D/g, "")}`;
}
