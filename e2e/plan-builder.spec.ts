import { expect, test, type Page } from "@playwright/test";
import { demo, signInAs } from "./support";

// One journey, in order: Sam Rivera has no plan; Robin Patel builds one, is steered off Running, activates it;
// Sam reads it; Robin revises it and Sam is told what changed.
test.describe.configure({ mode: "serial" });

async function openSamsBuilder(page: Page) {
  await signInAs(page, demo.clinician, "/clinician");
  await page
    .getByRole("region", { name: "Patients" })
    .getByRole("link", { name: /Sam Rivera/ })
    .click();
  await expect(page.getByRole("heading", { name: "Sam Rivera" })).toBeVisible();
  await page.getByRole("link", { name: /Build a plan|Revise plan|Continue draft/ }).click();
  await expect(page).toHaveURL(/\/clinician\/patients\/[0-9a-f-]+\/plan$/);
}

test("Sam Rivera starts with no plan", async ({ page }) => {
  await signInAs(page, demo.patientWithoutPlan, "/patient");
  await expect(page.getByText("You have no plan yet. Robin Patel will set one up for you.")).toBeVisible();
});

test("Robin Patel builds and activates Sam's plan, and is steered from Running to Walking", async ({
  page,
}) => {
  await openSamsBuilder(page);
  await expect(page.getByRole("heading", { name: "Build Sam Rivera's plan" })).toBeVisible();
  await expect(page.getByText("No exercises yet.")).toBeVisible();

  const search = page.getByLabel("Search the catalogue");
  await search.fill("Running");
  const avoided = page.getByRole("group", { name: "Running is avoided" });
  await expect(avoided.getByText("Running is on the avoid list")).toBeVisible();
  await expect(avoided.getByText("Each running stride sends a high impact through the spine.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add Running" })).toHaveCount(0);
  await avoided.getByRole("button", { name: "Add Walking instead" }).click();
  await expect(page.getByRole("heading", { name: "Walking", level: 3 })).toBeVisible();
  await expect(avoided.getByRole("button", { name: "Walking is in the plan" })).toBeDisabled();

  await search.fill("stretching");
  await page.getByRole("button", { name: "Add Light stretching" }).click();
  await expect(page.getByRole("heading", { name: "Light stretching", level: 3 })).toBeVisible();
  await expect(page.getByText("Exercises (2)")).toBeVisible();

  await page.getByLabel("Minutes").first().fill("20");
  await page.getByRole("button", { name: "Save and activate" }).click();

  await expect(page).toHaveURL(/\/clinician\/patients\/[0-9a-f-]+\?saved=1$/);
  await expect(page.getByText("Plan saved as version 1.")).toBeVisible();
  await expect(page.getByText("Active · version 1")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Light stretching" })).toBeVisible();
  await expect(page.getByText("Plan created and activated.")).toBeVisible();
});

test("Sam Rivera sees the plan with its instructions and the session rules", async ({ page }) => {
  await signInAs(page, demo.patientWithoutPlan, "/patient");
  await expect(page.getByRole("heading", { name: "Robin Patel set up your plan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(page.getByText("20 min, 3 times a week · light")).toBeVisible();
  await expect(
    page.getByText("Walk on flat, even ground at a pace where you can still hold a conversation.", {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Light stretching" })).toBeVisible();
  await expect(page.getByText("Stretch to mild tension, never pain")).toBeVisible();
  for (const rule of [
    "Warm up first.",
    "Stop immediately if anything makes the pain worse or makes it spread.",
  ]) {
    await expect(page.getByText(rule)).toBeVisible();
  }
  await page.getByRole("button", { name: "Got it" }).click();
  await expect(page.getByRole("heading", { name: "Robin Patel set up your plan" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Robin Patel set up your plan" })).toHaveCount(0);
});

test("a revision is a new version, and Sam is told what changed", async ({ page, browser }) => {
  await openSamsBuilder(page);
  await expect(page.getByRole("heading", { name: "Revise Sam Rivera's plan" })).toBeVisible();
  await page.getByLabel("Minutes").first().fill("30");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Plan saved as version 2.")).toBeVisible();
  await expect(
    page.getByText("Walking: now 30 min, 3 times a week (was 20 min, 3 times a week)."),
  ).toBeVisible();

  const sam = await browser.newPage();
  await signInAs(sam, demo.patientWithoutPlan, "/patient");
  await expect(sam.getByRole("heading", { name: "Robin Patel changed your plan" })).toBeVisible();
  await expect(
    sam.getByText("Walking: now 30 min, 3 times a week (was 20 min, 3 times a week)."),
  ).toBeVisible();
  await expect(sam.getByText("Version 2")).toBeVisible();
});

test("the builder refuses an unsafe dose next to the item and stores nothing", async ({ page }) => {
  await openSamsBuilder(page);
  await page.getByLabel("Times per week").first().fill("30");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Times per week can be at most 14.")).toBeVisible();
  await page.goto(page.url().replace(/\/plan$/, ""));
  await expect(page.getByText("Active · version 2")).toBeVisible();
});

test("Kim Novak cannot open Sam Rivera's builder", async ({ page, browser }) => {
  await openSamsBuilder(page);
  const builderUrl = page.url();
  const kim = await browser.newPage();
  await signInAs(kim, demo.otherClinician, "/clinician");
  const response = await kim.goto(builderUrl);
  expect(response?.status()).toBe(404);
  expect(await kim.content()).not.toContain("Sam Rivera");
});

test("the catalogue lists the avoid list apart, with reasons and alternatives", async ({ page }) => {
  await signInAs(page, demo.clinician, "/clinician");
  await page.getByRole("link", { name: "Exercises" }).click();
  const avoid = page.getByRole("region", { name: /Avoid list/ });
  await expect(avoid.getByRole("heading", { name: "Golf" })).toBeVisible();
  await expect(avoid.getByText("Safer alternative: Swimming or Walking")).toBeVisible();
  const safe = page.getByRole("region", { name: /Safe to prescribe/ });
  await expect(safe.getByRole("heading", { name: "Swimming" })).toBeVisible();
  await expect(safe.getByRole("heading", { name: "Golf" })).toHaveCount(0);

  await page.getByLabel("Search").fill("sit-up");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(
    avoid.getByRole("heading", { name: "Forward-bend motions (sit-ups, toe touches)" }),
  ).toBeVisible();
  await expect(page.getByText("No safe exercise matches that search.")).toBeVisible();
});

test("a clinic exercise takes its safety from its movements and stays in its clinic", async ({
  page,
  browser,
}) => {
  await signInAs(page, demo.clinician, "/clinician");
  await page.goto("/clinician/exercises");
  const form = page.getByRole("region", { name: "Add an exercise for your clinic" });
  await form.getByLabel("Name").fill("Kettlebell swings");
  await form.getByLabel("Category").selectOption("STRENGTH");
  await form.getByLabel("Summary").fill("Swinging a kettlebell from the hips.");
  await form.getByLabel("Instructions").fill("Hinge at the hips and swing the bell to chest height.");
  await form.getByLabel("Heavy spinal load").check();
  await expect(
    form.getByText("Avoid list. Avoid with lower back pain: it loads the back heavily."),
  ).toBeVisible();
  await form.getByLabel("Safer alternative").selectOption({ label: "Light strength training" });
  await form.getByRole("button", { name: "Add exercise" }).click();
  await expect(form.getByText("Kettlebell swings was added to your clinic's avoid list")).toBeVisible();
  await expect(
    page.getByRole("region", { name: /Avoid list/ }).getByRole("heading", { name: "Kettlebell swings" }),
  ).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("");

  await form.getByLabel("Name").fill("Aqua walking");
  await form.getByLabel("Summary").fill("Walking in waist-deep water.");
  await form.getByRole("button", { name: "Add exercise" }).click();
  await expect(form.getByText("Write the instructions a patient will follow.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Aqua walking");
  await form.getByLabel("Instructions").fill("Walk slowly across the shallow end, arms relaxed.");
  await form.getByRole("button", { name: "Add exercise" }).click();
  await expect(form.getByText("Aqua walking was added to your clinic's catalogue.")).toBeVisible();
  await expect(
    page.getByRole("region", { name: /Safe to prescribe/ }).getByRole("heading", { name: "Aqua walking" }),
  ).toBeVisible();

  const kim = await browser.newPage();
  await signInAs(kim, demo.otherClinician, "/clinician");
  await kim.goto("/clinician/exercises");
  await expect(kim.getByRole("heading", { name: "Swimming" })).toBeVisible();
  await expect(kim.getByText("Kettlebell swings")).toHaveCount(0);
  await expect(kim.getByText("Aqua walking")).toHaveCount(0);
});
