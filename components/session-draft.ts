"use client";

// What a patient typed on the session form, kept in this tab's session storage while they are sent to check
// in first (or their check-in ran out), and put back when they return within 2 hours. Cleared once the
// session is saved or a red flag is raised.
const KEY = "backcare.session-log-draft";

type Draft = { planVersion: number; savedAt: number; fields: [string, string][] };

/** A draft older than the 2 hours a check-in covers a session belongs to another session. */
const KEPT_MS = 2 * 60 * 60 * 1000;

export function saveSessionDraft(form: HTMLFormElement, planVersion: number) {
  const fields = [...new FormData(form).entries()]
    .filter(
      ([name, value]) => typeof value === "string" && name !== "idempotencyKey" && !name.startsWith("$"),
    )
    .map(([name, value]) => [name, value as string] as [string, string]);
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ planVersion, savedAt: Date.now(), fields } satisfies Draft));
  } catch {
    // Storage full or refused: the form still works, only the draft is not kept.
  }
}

/** Puts a kept draft back into the form's fields, if it was typed for the same plan version. */
export function restoreSessionDraft(form: HTMLFormElement, planVersion: number) {
  let draft: Draft | null = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Draft | null;
  } catch {
    return;
  }
  if (!draft || draft.planVersion !== planVersion || !(Date.now() - draft.savedAt < KEPT_MS)) {
    clearSessionDraft();
    return;
  }
  for (const element of form.elements) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) continue;
    if (!element.name || element.name === "idempotencyKey" || element.type === "hidden") continue;
    const values = draft.fields.filter(([name]) => name === element.name).map(([, value]) => value);
    if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio"))
      element.checked = values.includes(element.value);
    else element.value = values[0] ?? "";
  }
}

export function clearSessionDraft() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
