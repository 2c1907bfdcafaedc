import "server-only";
import { randomUUID } from "node:crypto";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { NUL, NUL_REFUSAL } from "@/lib/request-checks";
import {
  requireAdmin,
  requireClinician,
  requirePatient,
  requireSignedIn,
  requireUser,
  type AdminUser,
  type ClinicianUser,
  type PatientUser,
  type SessionUser,
} from "@/lib/dal/session";
import "@/lib/validation/plain-errors";
import type { FormState } from "./form-state";

type Result = FormState & { redirectTo?: string };

/** Form fields as an object, without the ones Next.js adds to every server action's form. */
export function formFields(formData: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$ACTION")));
}

/** Forms with structured input (lists of items) send it as JSON in one field named `payload`. */
export function jsonPayload(formData: FormData): unknown {
  const raw = formData.get("payload");
  if (typeof raw !== "string") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL cannot store a NUL character in text, and no one types one: a form that holds one anywhere is
 * refused whole, naming the fields, before it is parsed. proxy.ts answers 400 to the same form over HTTP.
 * Patients' forms are the exception (see withoutNul).
 */
function nulRefusal(formData: FormData): FormState | null {
  const fields = [...formData.entries()]
    .filter(
      ([key, value]) => key.includes(NUL) || (typeof value === "string" ? value : value.name).includes(NUL),
    )
    .map(([key]) => key.replaceAll(NUL, ""));
  if (fields.length === 0) return null;
  return {
    message: NUL_REFUSAL,
    fieldErrors: Object.fromEntries(fields.map((key) => [key, [NUL_REFUSAL]])),
  };
}

/**
 * The form with every NUL character taken out. A patient's form may carry a clinical signal (a red flag, a
 * pain score), and safety comes before form validation: a stray invisible character in a note must not drop
 * it. proxy.ts lets NULs through to patients' pages for the same reason.
 */
function withoutNul(formData: FormData): FormData {
  const cleaned = new FormData();
  for (const [key, value] of formData.entries())
    cleaned.append(key.replaceAll(NUL, ""), typeof value === "string" ? value.replaceAll(NUL, "") : value);
  return cleaned;
}

/** Zod issues as the form shows them: messages by field path, "form" for the whole form. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * Every server action runs through here: the session and role first, then the zod parse of the whole input,
 * then the handler with typed input and the acting user. Expected refusals (DomainError) come back to the
 * form with their own words; anything else is logged with a reference and shown as a generic message.
 * Redirects happen after the try/catch, so Next's redirect signal is never swallowed.
 */
function action<U, S extends z.ZodType>(
  requireActor: () => Promise<U>,
  schema: S,
  read: (formData: FormData) => unknown,
  handler: (input: z.infer<S>, user: U) => Promise<Result>,
  nul: "refuse" | "strip" = "refuse",
) {
  return async (_previous: FormState, submitted: FormData): Promise<FormState> => {
    const user = await requireActor();
    const refused = nul === "refuse" ? nulRefusal(submitted) : null;
    if (refused) return refused;
    const formData = nul === "strip" ? withoutNul(submitted) : submitted;
    const parsed = schema.safeParse(read(formData));
    if (!parsed.success) {
      return { message: "Some answers need another look.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    }
    let result: Result;
    try {
      result = await handler(parsed.data, user);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return { message: error.message, issues: error.issues };
      const reference = randomUUID().slice(0, 8);
      console.error(`[action error ${reference}]`, error);
      return {
        message: `Something went wrong and nothing was saved. Please try again. (Reference ${reference})`,
      };
    }
    const { redirectTo, ...state } = result;
    if (redirectTo) redirect(redirectTo);
    return state;
  };
}

/** For the few actions that run before anyone is signed in (accepting an invitation); still parsed with zod. */
export function publicAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<Result>,
  read: (formData: FormData) => unknown = formFields,
) {
  return action(
    async () => null,
    schema,
    read,
    (input) => handler(input),
  );
}

/**
 * An action wrapper for one kind of actor: the session and role check it runs first, and the user type its
 * handlers receive. The form's fields are read with `read` (by default, every field as it came).
 */
function actionFor<U>(requireActor: () => Promise<U>, nul: "refuse" | "strip" = "refuse") {
  return <S extends z.ZodType>(
    schema: S,
    handler: (input: z.infer<S>, user: U) => Promise<Result>,
    read: (formData: FormData) => unknown = formFields,
  ) => action(requireActor, schema, read, handler, nul);
}

// Arrows, so that each check is looked up when an action runs rather than when this module loads.
/** For the steps of the second factor itself, which a user takes before they are fully signed in. */
export const signedInAction = actionFor<SessionUser>(() => requireSignedIn());
/** For actions any signed-in user may take on their own account. */
export const userAction = actionFor<SessionUser>(() => requireUser());
export const clinicianAction = actionFor<ClinicianUser>(() => requireClinician());
/** Patients' forms: a NUL character is taken out rather than refused, so that no clinical signal is lost. */
export const patientAction = actionFor<PatientUser>(() => requirePatient(), "strip");
export const adminAction = actionFor<AdminUser>(() => requireAdmin());
