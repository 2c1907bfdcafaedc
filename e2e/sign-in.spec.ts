import { expect, test } from "@playwright/test";
import { demo, signIn, signInAs } from "./support";

test("an anonymous visitor is sent to /login from every signed-in area", async ({ page }) => {
  for (const path of [
    "/clinician",
    "/patient",
    "/clinician/patients/00000000-0000-4000-8000-000000000000",
    "/",
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL("/login");
  }
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a wrong password keeps the visitor on /login with a message", async ({ page }) => {
  await signIn(page, demo.clinician, "not-the-password");
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL("/login");
});

test("an unknown email gets exactly the same message", async ({ page }) => {
  await signIn(page, "nobody@demo.test", "not-the-password");
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL("/login");
});

test("a malformed email is refused next to the field", async ({ page }) => {
  await signIn(page, "not-an-email", "whatever");
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("the clinician sees their clinic's patients and no other clinic's", async ({ page }) => {
  await signInAs(page, demo.clinician, "/clinician");
  const list = page.getByRole("region", { name: "Patients" });
  await expect(list.getByRole("link", { name: /Alex Morgan/ })).toBeVisible();
  await expect(list.getByRole("link", { name: /Sam Rivera/ })).toBeVisible();
  await expect(page.getByText("Jordan Lee")).toHaveCount(0);

  await list.getByRole("link", { name: /Alex Morgan/ }).click();
  await expect(page.getByRole("heading", { name: "Alex Morgan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(page.getByText("Active · version 1")).toBeVisible();
});

test("the patient lands on /patient and sees their plan with its guidance", async ({ page }) => {
  await signInAs(page, demo.patient, "/patient");
  await expect(page.getByRole("heading", { name: "Hello, Alex" })).toBeVisible();
  for (const exercise of ["Walking", "Light stretching", "Light strength training"]) {
    await expect(page.getByRole("heading", { name: exercise })).toBeVisible();
  }
  await expect(page.getByText("20 min, 5 times a week · light")).toBeVisible();
  await expect(page.getByText("Warm up first.")).toBeVisible();
  await expect(page.getByText("does not replace professional medical advice")).toBeVisible();
});

test("a patient asking for the clinician area is refused", async ({ page }) => {
  await signInAs(page, demo.patient, "/patient");
  const response = await page.goto("/clinician");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to your account" })).toBeVisible();
  await expect(page.getByText("Sam Rivera")).toHaveCount(0);
});

test("a clinician asking for the patient area is refused", async ({ page }) => {
  await signInAs(page, demo.clinician, "/clinician");
  const response = await page.goto("/patient");
  expect(response?.status()).toBe(403);
});

test("another clinic's clinician gets 404 for Alex Morgan's page, with none of Alex's data", async ({
  browser,
}) => {
  const robin = await browser.newPage();
  await signInAs(robin, demo.clinician, "/clinician");
  const href = await robin
    .getByRole("region", { name: "Patients" })
    .getByRole("link", { name: /Alex Morgan/ })
    .getAttribute("href");
  expect(href).toMatch(/^\/clinician\/patients\/[0-9a-f-]{36}$/);

  const kim = await browser.newPage();
  await signInAs(kim, demo.otherClinician, "/clinician");
  const response = await kim.goto(href!);
  expect(response?.status()).toBe(404);
  const html = await kim.content();
  expect(html).not.toContain("Alex Morgan");
  expect(html).not.toContain("patient@demo.test");
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, demo.clinician, "/clinician");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/login");
  await page.goto("/clinician");
  await expect(page).toHaveURL("/login");
});
