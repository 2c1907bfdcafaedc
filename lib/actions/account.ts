"use server";

import { revalidatePath } from "next/cache";
import { setOwnTimeZone } from "@/lib/dal/account";
import { ownTimeZoneSchema } from "@/lib/validation/account";
import { userAction } from "./action";
import type { FormState } from "./form-state";

const saveOwnTimeZone = userAction(ownTimeZoneSchema, async ({ timeZone }, user) => {
  await setOwnTimeZone(user, timeZone);
  revalidatePath("/account");
  return {
    ok: true,
    message: timeZone
      ? `Dates and times are now shown in ${timeZone}.`
      : "Dates and times are now shown in your clinic's time zone.",
  };
});

export async function setOwnTimeZoneAction(previous: FormState, formData: FormData): Promise<FormState> {
  return saveOwnTimeZone(previous, formData);
}
