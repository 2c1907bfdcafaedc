import type { Page } from "@playwright/test";
import { expect, rows, signInAs, test, type Patient, type Person } from "./fixtures";

async function openBuilder(page: Page, clinician: Person, patient: Patient) {
  await signInAs(page, clinician);
  await page.getByRole("region", { name: "Patients" }).getByRole("link", { name: patient.name }).click();
  await expect(page.getByRole("heading", { name: patient.name })).toBeVisible();
  await page.getByRole("link", { name: /Build a plan|Revise plan|Continue draft/ }).click();
  await expect(page).toHaveURL(`/clinician/patients/${patient.patientId}/plan`);
}

const WALKING_AND_STRETCHING = [
  { slug: "walking", minutes: 20, timesPerWeek: 3 },
  { slug: "light-stretching", minutes: 10, timesPerWeek: 3 },
];

test("a patient with no plan gets one: the clinician is steered from Running to Walking, activates it, and the patient reads it", async ({
  page,
  browser,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const sam = await people.patient({ clinician, name: "Sam Rivera" });
  const samPage = await browser.newPage();
  await signInAs(samPage, sam);
  await expect(
    samPage.getByText(`You have no plan yet. ${clinician.name} will set one up for you.`),
  ).toBeVisible();

  await openBuilder(page, clinician, sam);
  await expect(page.getByRole("heading", { name: `Build ${sam.name}'s plan` })).toBeVisible();
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

  await expect(page).toHaveURL(`/clinician/patients/${sam.patientId}?saved=1`);
  await expect(page.getByText("Plan saved as version 1.")).toBeVisible();
  await expect(page.getByText("Active · version 1")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Light stretching" })).toBeVisible();
  await expect(page.getByText("Plan created and activated.")).toBeVisible();
  expect(
    await rows(
      db,
      `select p.status::text, p.version, array(select e.slug from plan_item i join exercise e on e.id = i.exercise_id
              where i.plan_id = p.id order by i.position) as slugs
         from plan p where p.patient_id = $1`,
      [sam.patientId],
    ),
  ).toEqual([{ status: "ACTIVE", version: 1, slugs: ["walking", "light-stretching"] }]);

  await samPage.goto("/patient");
  await expect(samPage.getByRole("heading", { name: `${clinician.name} set up your plan` })).toBeVisible();
  await expect(samPage.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(samPage.getByText("20 min, 3 times a week · light")).toBeVisible();
  await expect(
    samPage.getByText("Walk on flat, even ground at a pace where you can still hold a conversation.", {
      exact: false,
    }),
  ).toBeVisible();
  await expect(samPage.getByRole("heading", { name: "Light stretching" })).toBeVisible();
  await expect(samPage.getByText("Stretch to mild tension, never pain")).toBeVisible();
  for (const rule of [
    "Warm up first.",
    "Stop immediately if anything makes the pain worse or makes it spread.",
  ]) {
    await expect(samPage.getByText(rule)).toBeVisible();
  }
  await samPage.getByRole("button", { name: "Got it" }).click();
  await expect(samPage.getByRole("heading", { name: `${clinician.name} set up your plan` })).toHaveCount(0);
  await samPage.reload();
  await expect(samPage.getByRole("heading", { name: `${clinician.name} set up your plan` })).toHaveCount(0);
  await samPage.close();
});

test("a revision is a new version, and the patient is told what changed", async ({
  page,
  browser,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const sam = await people.patient({
    clinician,
    name: "Sam Rivera",
    plan: WALKING_AND_STRETCHING,
    logs: false,
  });
  await openBuilder(page, clinician, sam);
  await expect(page.getByRole("heading", { name: `Revise ${sam.name}'s plan` })).toBeVisible();
  await page.getByLabel("Minutes").first().fill("30");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Plan saved as version 2.")).toBeVisible();
  await expect(
    page.getByText("Walking: now 30 min, 3 times a week (was 20 min, 3 times a week)."),
  ).toBeVisible();
  expect(
    await rows(db, "select version from plan_version where plan_id = $1 order by version", [sam.plan!.id]),
  ).toEqual([{ version: 1 }, { version: 2 }]);

  const samPage = await browser.newPage();
  await signInAs(samPage, sam);
  await expect(samPage.getByRole("heading", { name: `${clinician.name} changed your plan` })).toBeVisible();
  await expect(
    samPage.getByText("Walking: now 30 min, 3 times a week (was 20 min, 3 times a week)."),
  ).toBeVisible();
  await expect(samPage.getByText("Version 2")).toBeVisible();
  await samPage.close();
});

test("the builder refuses an unsafe dose next to the item and stores nothing", async ({
  page,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const sam = await people.patient({
    clinician,
    name: "Sam Rivera",
    plan: WALKING_AND_STRETCHING,
    logs: false,
  });
  await openBuilder(page, clinician, sam);
  await page.getByLabel("Times per week").first().fill("30");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Times per week can be at most 14.")).toBeVisible();
  await page.goto(`/clinician/patients/${sam.patientId}`);
  await expect(page.getByText("Active · version 1")).toBeVisible();
  expect(
    await rows(
      db,
      "select p.version, i.times_per_week from plan p join plan_item i on i.plan_id = p.id where p.id = $1 order by i.position",
      [sam.plan!.id],
    ),
  ).toEqual([
    { version: 1, times_per_week: 3 },
    { version: 1, times_per_week: 3 },
  ]);
});

test("another clinic's clinician cannot open a patient's builder", async ({ page, browser, people }) => {
  const { clinician, patientWithoutPlan: sam, otherClinician } = await people.twoClinics();
  await openBuilder(page, clinician, sam);
  const builderUrl = page.url();
  const kim = await browser.newPage();
  await signInAs(kim, otherClinician);
  const response = await kim.goto(builderUrl);
  expect(response?.status()).toBe(404);
  expect(await kim.content()).not.toContain(sam.name);
  await kim.close();
});

test("the catalogue lists the avoid list apart, with reasons and alternatives", async ({ page, people }) => {
  await signInAs(page, await people.clinician());
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
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const otherClinician = await people.clinician({ name: "Kim Novak" });
  await signInAs(page, clinician);
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
  expect(
    await rows(db, "select name, safety::text from exercise where clinic_id = $1 order by name", [
      clinician.clinic.id,
    ]),
  ).toEqual([
    { name: "Aqua walking", safety: "SAFE" },
    { name: "Kettlebell swings", safety: "AVOID" },
  ]);

  const kim = await browser.newPage();
  await signInAs(kim, otherClinician);
  await kim.goto("/clinician/exercises");
  await expect(kim.getByRole("heading", { name: "Swimming" })).toBeVisible();
  await expect(kim.getByText("Kettlebell swings")).toHaveCount(0);
  await expect(kim.getByText("Aqua walking")).toHaveCount(0);
  await kim.close();
});

test("a clinician saves a plan as a clinic template and starts a new patient's plan from it", async ({
  page,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  const sam = await people.patient({
    clinician,
    name: "Sam Rivera",
    plan: WALKING_AND_STRETCHING,
    logs: false,
  });
  const newcomer = await people.patient({ clinician, name: "Noor Haddad" });
  await openBuilder(page, clinician, sam);
  await page.getByLabel("Hold (seconds)").nth(1).fill("10");
  await page.getByLabel("Side").nth(1).selectOption("BOTH");
  await page.getByLabel("Template name").fill("Gentle start");
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByText("The template Gentle start was saved for your clinic.")).toBeVisible();

  // Sam's plan itself was not saved, so leaving asks first.
  const asked: string[] = [];
  // The click returns only once the dialog is answered, so the answer is set up first.
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole("link", { name: "Templates" }).click();
  await expect.poll(() => asked).toEqual(["You have unsaved changes. Leave this page and lose them?"]);
  await expect(page).toHaveURL("/clinician/templates");
  const listed = page.getByRole("listitem").filter({ hasText: "Gentle start" });
  await expect(listed.getByText("Walking, Light stretching")).toBeVisible();

  await page.goto(`/clinician/patients/${newcomer.patientId}/plan`);
  await expect(page.getByText("No exercises yet.")).toBeVisible();
  await page.getByLabel("A clinic template").selectOption({ label: "Gentle start" });
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page.getByText("Started from the template Gentle start.")).toBeVisible();
  await expect(page.getByText("Exercises (2)")).toBeVisible();
  await expect(page.getByLabel("Hold (seconds)").nth(1)).toHaveValue("10");
  await page.getByRole("button", { name: "Save and activate" }).click();

  await expect(page).toHaveURL(`/clinician/patients/${newcomer.patientId}?saved=1`);
  await expect(page.getByText("10 min, hold 10 seconds, both sides, 3 times a week · light")).toBeVisible();
  expect(
    await rows(
      db,
      `select e.slug, i.minutes, i.hold_seconds, i.side::text from plan_item i
         join plan p on p.id = i.plan_id join exercise e on e.id = i.exercise_id
        where p.patient_id = $1 order by i.position`,
      [newcomer.patientId],
    ),
  ).toEqual([
    { slug: "walking", minutes: 20, hold_seconds: null, side: "NOT_APPLICABLE" },
    { slug: "light-stretching", minutes: 10, hold_seconds: 10, side: "BOTH" },
  ]);
  // Sam's own plan is as it was: the template was saved, the plan was not.
  expect(
    await rows(db, "select hold_seconds from plan_item where plan_id = $1 order by position", [sam.plan!.id]),
  ).toEqual([{ hold_seconds: null }, { hold_seconds: null }]);
});

test("leaving the builder with unsaved changes asks first, in the app and in the browser", async ({
  page,
  people,
}) => {
  const clinician = await people.clinician();
  const sam = await people.patient({
    clinician,
    name: "Sam Rivera",
    plan: WALKING_AND_STRETCHING,
    logs: false,
  });
  await openBuilder(page, clinician, sam);
  const builder = `/clinician/patients/${sam.patientId}/plan`;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => dialogs.push(dialog.type()));

  // Nothing changed: leaving asks nothing.
  await page.getByRole("link", { name: `← ${sam.name}` }).click();
  await expect(page).toHaveURL(`/clinician/patients/${sam.patientId}`);
  expect(dialogs).toEqual([]);

  await page.goto(builder);
  await page.getByLabel("Minutes").first().fill("25");
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("link", { name: `← ${sam.name}` }).click();
  await expect.poll(() => dialogs).toEqual(["confirm"]);
  await expect(page).toHaveURL(builder);
  await expect(page.getByLabel("Minutes").first()).toHaveValue("25");

  const unload = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const prompt = await unload;
  expect(prompt.type()).toBe("beforeunload");
  await prompt.accept();
});
