import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./support";

test("Robin Patel invites a new patient, who sets a password once and lands on /patient", async ({
  page,
  browser,
}) => {
  const email = `new.patient.${Date.now()}@demo.test`;
  await signInAs(page, demo.clinician, "/clinician");
  await page.getByRole("link", { name: "Add a patient" }).click();
  await page.getByLabel("Full name").fill("Noor Haddad");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Add patient and create invitation" }).click();
  await expect(page.getByText("Give a valid email address.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add patient and create invitation" }).click();
  await expect(page.getByText("Noor Haddad was added. Copy this link and send it to them")).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const patient = await browser.newPage();
  await patient.goto(link);
  await expect(patient.getByRole("heading", { name: "Welcome, Noor" })).toBeVisible();
  await patient.getByLabel("New password").fill("password1234");
  await patient.getByLabel("Confirm password").fill("password1234");
  await patient.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(patient.getByText("That password is too common and easy to guess.")).toBeVisible();
  await patient.getByLabel("New password").fill("slow river stones");
  await patient.getByLabel("Confirm password").fill("slow river stones");
  await patient.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(patient).toHaveURL("/patient");
  await expect(patient.getByText("You have no plan yet. Robin Patel will set one up for you.")).toBeVisible();

  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole("alert", { name: "Invitation refused" })).toHaveText(
    "This invitation has already been used. Sign in with your email and password.",
  );
  await again.goto("/invite/this-token-was-never-issued-by-anyone");
  await expect(again.getByRole("alert", { name: "Invitation refused" })).toHaveText(
    "This invitation link is not valid. Ask your clinician for a new one.",
  );

  await page.goto("/clinician?q=Noor");
  await expect(
    page.getByRole("region", { name: "Patients" }).getByRole("link", { name: "Noor Haddad" }),
  ).toBeVisible();
});

test("the patient page shows the pain chart with its text alternative, and the print page renders the plan", async ({
  page,
}) => {
  await signInAs(page, demo.clinician, "/clinician");
  await page.getByRole("region", { name: "Patients" }).getByRole("link", { name: "Alex Morgan" }).click();
  const chart = page.getByRole("img", {
    name: /Alex Morgan's pain before and after sessions: \d+ sessions from/,
  });
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  await page.getByText("Pain scores as a table").click();
  await expect(
    page.getByRole("table", { name: "Alex Morgan's pain before and after sessions" }).getByRole("row"),
  ).not.toHaveCount(1);
  await expect(page.getByRole("table", { name: "Sessions by week" })).toBeVisible();
  await expect(page.getByText("Stiff to start with, easier after the walk.")).toBeVisible();

  await page.getByRole("link", { name: "Printable plan" }).click();
  await expect(page.getByRole("heading", { name: "Alex Morgan" })).toBeVisible();
  await expect(page.getByText("From Robin Patel")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Walking/ })).toBeVisible();
  await expect(page.getByText("Warm up first.")).toBeVisible();
  await expect(page.getByText("does not replace professional medical advice")).toBeVisible();
  // On paper, only the handout: no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print this plan" })).toBeHidden();
  await expect(page.getByRole("heading", { name: /Walking/ })).toBeVisible();
});

test("Alex Morgan sees their progress in plain words", async ({ page }) => {
  await signInAs(page, demo.patient, "/patient");
  await page.getByRole("link", { name: "Progress" }).click();
  await expect(
    page.getByText(/Your pain after sessions has dropped \d(\.\d)? points? since you started/),
  ).toBeVisible();
  await expect(page.getByText("This week")).toBeVisible();
  await expect(page.getByRole("img", { name: /Your pain before and after sessions/ })).toBeVisible();
});
