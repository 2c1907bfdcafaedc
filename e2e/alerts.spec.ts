import { expect, test, type Page } from "@playwright/test";
import { demo, signInAs } from "./support";

// Alex Morgan's journey through warnings, a red flag and clearance, with Robin Patel watching. In order.
test.describe.configure({ mode: "serial" });

async function logSession(
  page: Page,
  values: { before: string; after: string; worse?: boolean; notes?: string },
) {
  await page.goto("/patient/log");
  await page.getByLabel("Pain before").fill(values.before);
  await page.getByLabel("Pain after").fill(values.after);
  if (values.worse) await page.getByLabel("My pain got worse or spread").check();
  if (values.notes) await page.getByLabel("Notes").fill(values.notes);
  await page.getByRole("button", { name: "Save session" }).click();
}

test("a session log with bad input is refused next to the field and stores nothing", async ({ page }) => {
  await signInAs(page, demo.patient, "/patient");
  await logSession(page, { before: "3", after: "11" });
  await expect(page.getByText("Pain after is at most 10.")).toBeVisible();
  await expect(page.getByLabel("Pain after")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL("/patient/log");
  await page.getByLabel("Pain before").fill("");
  await page.getByLabel("Pain after").fill("4");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Choose pain before from 0 to 10.")).toBeVisible();
  await expect(page).toHaveURL("/patient/log");
});

test("Alex logs a session whose pain got worse, is told to stop, and Robin sees the warning", async ({
  page,
  browser,
}) => {
  await signInAs(page, demo.patient, "/patient");
  await logSession(page, { before: "3", after: "6", worse: true, notes: "<b>sharp</b> pain down the leg" });
  await expect(page).toHaveURL(/\/patient\/log\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Stop now and rest" })).toBeVisible();
  // Notes are text, never HTML.
  await expect(page.getByText("<b>sharp</b> pain down the leg")).toBeVisible();

  const robin = await browser.newPage();
  await signInAs(robin, demo.clinician, "/clinician");
  const alerts = robin.getByRole("region", { name: /Alerts/ });
  await expect(
    alerts.getByText("Pain got worse or spread during the session (pain 3 before, 6 after)."),
  ).toBeVisible();
  await expect(alerts.getByText("Warning", { exact: true })).toBeVisible();
  await robin.getByLabel("Resolution note").fill("Called Alex; advised rest and ice.");
  await robin.getByRole("button", { name: "Resolve" }).click();
  await expect(alerts.getByText("No open alerts.")).toBeVisible();
});

test("a red flag reaches Robin's open page within 5 seconds, pauses logging, and clearance resumes it", async ({
  page,
  browser,
}) => {
  const robin = await browser.newPage();
  await signInAs(robin, demo.clinician, "/clinician");
  const alerts = robin.getByRole("region", { name: /Alerts/ });
  await expect(alerts.getByText("No open alerts.")).toBeVisible();
  await robin.waitForTimeout(500); // let the event stream connect

  await signInAs(page, demo.patient, "/patient");
  await page.getByRole("link", { name: "Start a session" }).click();
  await expect(page).toHaveURL("/patient/check-in");
  await page.getByLabel("Tingling or numbness").check();
  await page.getByLabel("Your pain right now (0-10)").fill("8");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Seek immediate medical attention" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Tingling or numbness" })).toBeVisible();
  // Pain of 8 is a red flag of its own.
  await expect(page.getByText("Very severe pain (pain 8 out of 10)")).toBeVisible();
  await expect(page.getByText("Your exercise plan is paused until your clinician")).toBeVisible();

  // No reload on Robin's page: the alert arrives over the stream.
  await expect(alerts.getByText("Urgent", { exact: true })).toBeVisible({ timeout: 5000 });
  await expect(
    alerts.getByText("Red flag reported: Tingling or numbness, Very severe pain (pain 8/10)."),
  ).toBeVisible();
  await expect(robin.getByRole("region", { name: "Patients" }).getByRole("listitem").first()).toContainText(
    "Alex Morgan",
  );

  await page.goto("/patient/log");
  await expect(page.getByRole("alert", { name: "Logging unavailable" })).toContainText(
    "Your exercise is paused",
  );
  await expect(page.getByRole("button", { name: "Save session" })).toHaveCount(0);

  await alerts.getByRole("button", { name: "Acknowledge alert for Alex Morgan" }).click();
  await expect(alerts.getByText("Acknowledged by Robin Patel")).toBeVisible();
  await alerts.getByRole("link", { name: "Alex Morgan" }).click();
  await robin.getByRole("button", { name: "Record clearance" }).click();
  await expect(robin.getByText("Confirm that a doctor has cleared the patient to exercise.")).toBeVisible();
  await robin.getByLabel("A doctor has cleared Alex Morgan to exercise again.").check();
  await robin.getByLabel("Clearance note").fill("Seen by Dr Okafor today; cleared for light exercise.");
  await robin.getByRole("button", { name: "Record clearance" }).click();
  await expect(robin.getByText("Exercise is paused after a red flag")).toHaveCount(0);
  await expect(robin.getByRole("region", { name: /Open alerts/ }).getByText("No open alerts.")).toBeVisible();

  await logSession(page, { before: "2", after: "2" });
  await expect(page.getByRole("heading", { name: "Session saved" })).toBeVisible();
});

test("the alert stream refuses anonymous visitors and patients", async ({ page, request }) => {
  expect((await request.get("/api/alerts/stream")).status()).toBe(401);
  await signInAs(page, demo.patient, "/patient");
  const response = await page.request.get("/api/alerts/stream");
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain("alert");
});
