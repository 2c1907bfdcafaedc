import type { GuardrailIssue } from "@/lib/domain/guardrails";

// What every form action returns: a summary for the form's live region, messages per field, and for plan
// writes the guardrail issues, each pointing at the item it concerns.
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  issues?: GuardrailIssue[];
  /** A link to hand on, such as a patient's invitation. */
  link?: string;
  /** Recovery codes, shown once when two-step sign-in is turned on or the codes are replaced. */
  recoveryCodes?: string[];
};

export const initialFormState: FormState = {};
