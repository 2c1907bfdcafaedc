import { expect, type Page } from "@playwright/test";
import { freshCode } from "./authenticator";
import type { Person } from "./people";

/** Fills in and sends the real sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs `person` in through next-auth's credentials endpoint, with its CSRF token, on the page's own request
 * context so that the session cookie lands in the page's browser context; then gives the code their
 * authenticator shows, when they have one, and expects them at their home page.
 */
export async function signInAs(page: Page, person: Person) {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.ok(), "next-auth's CSRF endpoint").toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: person.email, password: person.password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${person.email}`).toBe(302);
  expect(response.headers()["location"], `sign-in of ${person.email}`).not.toMatch(/error=/);

  await page.goto("/");
  if (person.authenticator) {
    await expect(page).toHaveURL("/mfa");
    await page.getByLabel("Code").fill(await freshCode(person.authenticator));
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await expect(page).toHaveURL(person.home);
}

/** Signs a clinician in on their dashboard and waits until its alert stream is connected; returns the alerts. */
export async function watchAlerts(page: Page, clinician: Person) {
  // The stream fixes where it starts before it answers, so an alert made after this response reaches it.
  const streaming = page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/alerts/stream" && response.status() === 200,
  );
  await signInAs(page, clinician);
  await streaming;
  return page.getByRole("region", { name: /Alerts/ });
}
