"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

/**
 * useActionState without React's automatic form reset: a refused submission keeps what the person typed, so
 * they fix the one field that was wrong instead of filling the form again. The submit button's name and value
 * travel with the form data.
 */
export function useActionForm(action: (state: FormState, formData: FormData) => Promise<FormState>) {
  const [state, dispatch, pending] = useActionState(action, initialFormState);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }
  return { state, pending, onSubmit };
}
