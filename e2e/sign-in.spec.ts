import { expect, signIn, signInAs, test } from "./fixtures";

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

test("a wrong password keeps the visitor on /login with a message", async ({ page, people }) => {
  const clinician = await people.clinician();
  await signIn(page, clinician.email, "not-the-password");
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL("/login");
});

test("an unknown email gets exactly the same message", async ({ page, people }) => {
  await signIn(page, people.uniqueEmail("nobody"), "not-the-password");
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL("/login");
});

test("a malformed email is refused next to the field", async ({ page }) => {
  await signIn(page, "not-an-email", "whatever");
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("the sign-in form takes a clinician to /clinician", async ({ page, people }) => {
  const clinician = await people.clinician();
  await signIn(page, clinician.email, clinician.password);
  await expect(page).toHaveURL("/clinician");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("the clinician sees their clinic's patients and no other clinic's", async ({ page, people }) => {
  const { clinician, patient, patientWithoutPlan, otherPatient } = await people.twoClinics();
  await signInAs(page, clinician);
  const list = page.getByRole("region", { name: "Patients" });
  await expect(list.getByRole("link", { name: patient.name })).toBeVisible();
  await expect(list.getByRole("link", { name: patientWithoutPlan.name })).toBeVisible();
  await expect(page.getByText(otherPatient.name)).toHaveCount(0);

  await list.getByRole("link", { name: patient.name }).click();
  await expect(page.getByRole("heading", { name: patient.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(page.getByText("Active · version 1")).toBeVisible();
});

test("the patient lands on /patient and sees their plan with its guidance", async ({ page, people }) => {
  const patient = await people.patient({
    clinician: await people.clinician(),
    name: "Alex Morgan",
    plan: true,
  });
  await signInAs(page, patient);
  await expect(page.getByRole("heading", { name: "Hello, Alex" })).toBeVisible();
  for (const exercise of ["Walking", "Light stretching", "Light strength training"]) {
    await expect(page.getByRole("heading", { name: exercise })).toBeVisible();
  }
  await expect(page.getByText("20 min, 5 times a week · light")).toBeVisible();
  await expect(page.getByText("Warm up first.")).toBeVisible();
  await expect(page.getByText("does not replace professional medical advice")).toBeVisible();
});

test("a patient asking for the clinician area is refused", async ({ page, people }) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  const other = await people.patient({ clinician, name: "Sam Rivera" });
  await signInAs(page, patient);
  const response = await page.goto("/clinician");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to your account" })).toBeVisible();
  await expect(page.getByText(other.name)).toHaveCount(0);
});

test("a clinician asking for the patient area is refused", async ({ page, people }) => {
  await signInAs(page, await people.clinician());
  const response = await page.goto("/patient");
  expect(response?.status()).toBe(403);
});

test("another clinic's clinician gets 404 for a patient's page, with none of the patient's data", async ({
  browser,
  people,
}) => {
  const { clinician, patient, otherClinician } = await people.twoClinics();
  const robin = await browser.newPage();
  await signInAs(robin, clinician);
  const href = await robin
    .getByRole("region", { name: "Patients" })
    .getByRole("link", { name: patient.name })
    .getAttribute("href");
  expect(href).toBe(`/clinician/patients/${patient.patientId}`);

  const kim = await browser.newPage();
  await signInAs(kim, otherClinician);
  const response = await kim.goto(href!);
  expect(response?.status()).toBe(404);
  const html = await kim.content();
  expect(html).not.toContain(patient.name);
  expect(html).not.toContain(patient.email);
  await robin.close();
  await kim.close();
});

test("signing out ends the session on the server: the old cookie is refused when replayed", async ({
  page,
  context,
  browser,
  people,
}) => {
  const clinician = await people.clinician();
  await signInAs(page, clinician);
  const cookies = await context.cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("authjs.session-token"))).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/login");
  await page.goto("/clinician");
  await expect(page).toHaveURL("/login");

  // The browser has dropped its cookie; a copy taken before signing out must not work either.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const attacker = await replay.newPage();
  await attacker.goto("/clinician");
  await expect(attacker).toHaveURL("/login");
  await expect(attacker.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await replay.close();
});
