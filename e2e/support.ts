import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

export const demo = {
  clinician: "clinician@demo.test",
  patient: "patient@demo.test",
  patientWithoutPlan: "patient2@demo.test",
  otherClinician: "other.clinician@demo.test",
  otherPatient: "other.patient@demo.test",
  admin: "admin@demo.test",
} as const;

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, email: string, expectedPath: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(expectedPath);
}
