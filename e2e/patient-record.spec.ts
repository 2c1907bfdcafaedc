import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { FIRST_SESSION_NOTE } from "./support/plans";

// The clinician's record of a patient (contact details, a tappable phone), discharge that keeps the history,
// re-admission for a new episode, and the polish patients notice: a one-line navigation on a phone, a skip
// link, long notes that wrap.

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test("a clinician records the patient's details and calls them from the page", async ({ page, people }) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await signInAs(page, clinician);
  await page.goto(`/clinician/patients/${patient.patientId}`);
  await page.getByRole("link", { name: "Edit details" }).click();
  await expect(page.getByRole("heading", { name: /Details of/ })).toBeVisible();

  await page.getByLabel("Phone", { exact: true }).fill("call me");
  await page.getByLabel("Text message").check();
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Give the phone number in digits, such as 07700 900123")).toBeVisible();
  await expect(page.getByLabel("Phone", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Phone", { exact: true }).fill("+44 7700 900123");
  await page.getByLabel("Date of birth").fill("1961-04-23");
  await page.getByLabel("Referral reason or working diagnosis").fill("Lower back pain after lifting.");
  await page.getByLabel("Name", { exact: true }).fill("Ada Morgan");
  await page.getByLabel("Relationship").fill("Partner");
  await page.getByLabel("Emergency contact phone").fill("07700 900456");
  await page.getByRole("button", { name: "Save details" }).click();

  await expect(page).toHaveURL(new RegExp(`/clinician/patients/${patient.patientId}\\?details=saved$`));
  await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  const call = page.getByRole("link", { name: "Call +44 7700 900123" });
  await expect(call).toHaveAttribute("href", "tel:+447700900123");
  await expect(page.getByRole("link", { name: "07700 900456" })).toHaveAttribute("href", "tel:07700900456");
  await expect(page.getByText("Lower back pain after lifting.")).toBeVisible();
});

test("a patient paused by a red flag leads their page with the phone to call", async ({
  page,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await db.query("update patient set phone = '07700 900123', status = 'PAUSED_RED_FLAG' where id = $1", [
    patient.patientId,
  ]);
  await signInAs(page, clinician);
  await page.goto(`/clinician/patients/${patient.patientId}`);
  const contact = page.getByRole("region", { name: "Call the patient now" });
  await expect(contact.getByRole("link", { name: "Call 07700 900123" })).toHaveAttribute(
    "href",
    "tel:07700900123",
  );
});

test("discharge keeps the plan and sessions readable, and re-admission starts a new plan", async ({
  page,
  people,
}) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await signInAs(page, clinician);
  await page.goto(`/clinician/patients/${patient.patientId}`);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Discharge ${patient.name}` }).click();
  // The page re-renders as a discharged patient's: the discharge form gives way to re-admission.
  await expect(page.getByRole("button", { name: `Re-admit ${patient.name}` })).toBeVisible();

  await page.reload();
  await expect(page.getByText(`${patient.name} is discharged.`)).toBeVisible();
  const earlier = page.getByRole("region", { name: "Earlier plans" });
  await expect(earlier).toBeVisible();
  await earlier.locator("summary").first().click();
  await expect(earlier.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(page.getByText(FIRST_SESSION_NOTE)).toBeVisible();
  await expect(page.getByRole("link", { name: /Build a plan|Revise plan/ })).toHaveCount(0);

  await page.getByRole("button", { name: `Re-admit ${patient.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/clinician/patients/${patient.patientId}/plan$`));
  await page.goto(`/clinician/patients/${patient.patientId}`);
  await expect(page.getByRole("link", { name: "Build a plan" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Earlier plans" })).toBeVisible();
  await expect(page.getByText(FIRST_SESSION_NOTE)).toBeVisible();
  await expect(page.getByRole("button", { name: `Discharge ${patient.name}` })).toBeVisible();
});

test("the patient's navigation fits one line on a 375 px phone", async ({ page, people }) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAs(page, patient);
  await page.goto("/patient");
  const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  await expect(links).toHaveCount(5);
  const boxes = await Promise.all((await links.all()).map((link) => link.boundingBox()));
  const tops = new Set(boxes.map((box) => Math.round(box!.y)));
  expect([...tops]).toHaveLength(1);
  for (const box of boxes) expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  expect(await noSideScroll(page)).toBe(true);
});

test("the skip link is the first stop of the keyboard and moves past the header", async ({
  page,
  people,
}) => {
  const patient = await people.patient({ clinician: await people.clinician(), plan: true });
  await signInAs(page, patient);
  for (const path of ["/patient", "/account"]) {
    await page.goto(path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box!.width).toBeGreaterThan(50);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main-content$/);
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(() => Boolean(document.activeElement?.closest("#main-content"))),
      `focus after the skip link on ${path}`,
    ).toBe(true);
  }
  await page.context().clearCookies();
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
});

test("a long unbroken note wraps on a phone instead of widening the page", async ({ page, people, db }) => {
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  const note = `https://example.org/${"x".repeat(300)}`;
  await db.query("update session_log set notes = $2 where patient_id = $1", [patient.patientId, note]);
  await db.query("update patient set referral_reason = $2 where id = $1", [
    patient.patientId,
    "y".repeat(400),
  ]);
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAs(page, clinician);
  await page.goto(`/clinician/patients/${patient.patientId}`);
  await expect(page.getByText(note).first()).toBeVisible();
  expect(await noSideScroll(page)).toBe(true);
});
