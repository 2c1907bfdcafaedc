import { expect, rows, signInAs, test } from "./fixtures";

// The catalogue cannot be fooled: a clinic exercise named as an avoid-list motion must carry its movement,
// and the form says so; clinic exercises are edited as new versions and retired from the catalogue page.

test("a clinician adding Sit-ups with no movement ticked is told why, and it ends up on the avoid list", async ({
  page,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  await signInAs(page, clinician);
  await page.goto("/clinician/exercises");
  const form = page.getByRole("region", { name: "Add an exercise for your clinic" });
  await form.getByLabel("Name").fill("Sit-ups");
  await form.getByLabel("Category").selectOption("STRENGTH");
  await form.getByLabel("Summary").fill("Curl up from lying on your back.");
  await form.getByLabel("Instructions").fill("Lie on your back with knees bent and curl up slowly.");
  const why =
    'The name mentions sit-ups, which is on the avoid list. Tick "Forward bend" under Movements: the exercise then joins the avoid list and cannot be prescribed.';
  // Said as the clinician types, before anything is sent.
  await expect(form.locator("#exercise-safety")).toHaveText(why);

  // Sent anyway, the server refuses it with the same words next to the name, and stores nothing.
  await form.getByRole("button", { name: "Add exercise" }).click();
  await expect(form.locator("#exercise-name-error")).toHaveText(why);
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  expect(await rows(db, "select name from exercise where clinic_id = $1", [clinician.clinic.id])).toEqual([]);

  await form.getByLabel("Forward bend").check();
  await expect(form.locator("#exercise-safety")).toContainText("Avoid list.");
  await form.getByRole("button", { name: "Add exercise" }).click();
  await expect(form.getByText("Sit-ups was added to your clinic's avoid list")).toBeVisible();
  const avoid = page.getByRole("region", { name: /Avoid list/ });
  await expect(avoid.getByRole("heading", { name: "Sit-ups", exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: /Safe to prescribe/ })
      .getByRole("heading", { name: "Sit-ups", exact: true }),
  ).toHaveCount(0);
  expect(
    await rows(db, "select name, safety, forward_bend from exercise where clinic_id = $1", [
      clinician.clinic.id,
    ]),
  ).toEqual([{ name: "Sit-ups", safety: "AVOID", forward_bend: true }]);
});

test("a clinician edits a clinic exercise as a new version, then retires it", async ({
  page,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  await signInAs(page, clinician);
  await page.goto("/clinician/exercises");
  const form = page.getByRole("region", { name: "Add an exercise for your clinic" });
  await form.getByLabel("Name").fill("Pelvic tilt");
  await form.getByLabel("Category").selectOption("FLEXIBILITY");
  await form.getByLabel("Summary").fill("Rock the pelvis gently, lying down.");
  await form.getByLabel("Instructions").fill("Lie on your back, knees bent, and flatten your back gently.");
  await form.getByRole("button", { name: "Add exercise" }).click();
  await expect(form.getByText("Pelvic tilt was added to your clinic's catalogue.")).toBeVisible();

  await page.getByRole("link", { name: "Edit or retire Pelvic tilt" }).click();
  await expect(page.getByRole("heading", { name: "Edit Pelvic tilt" })).toBeVisible();
  const details = page.getByRole("region", { name: "Exercise details" });
  await expect(details.getByLabel("Summary")).toHaveValue("Rock the pelvis gently, lying down.");
  // An edit that names a motion of the avoid list is explained and refused too.
  await details.getByLabel("Name").fill("Pelvic tilt and crunches");
  await expect(details.locator("#exercise-safety")).toContainText("The name mentions crunches");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.locator("#exercise-name-error")).toContainText('Tick "Forward bend"');

  await details.getByLabel("Name").fill("Pelvic tilt, lying");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL("/clinician/exercises");
  const safe = page.getByRole("region", { name: /Safe to prescribe/ });
  await expect(safe.getByRole("heading", { name: "Pelvic tilt, lying" })).toBeVisible();
  await expect(safe.getByText("Your clinic, version 2")).toBeVisible();
  await expect(safe.getByRole("heading", { name: "Pelvic tilt", exact: true })).toHaveCount(0);
  expect(
    await rows(
      db,
      "select name, version, retired_at is not null as retired from exercise where clinic_id = $1 order by version",
      [clinician.clinic.id],
    ),
  ).toEqual([
    { name: "Pelvic tilt", version: 1, retired: true },
    { name: "Pelvic tilt, lying", version: 2, retired: false },
  ]);

  await page.getByRole("link", { name: "Edit or retire Pelvic tilt, lying" }).click();
  await page.getByRole("button", { name: "Retire exercise" }).click();
  await expect(page).toHaveURL("/clinician/exercises");
  await expect(page.getByRole("heading", { name: "Pelvic tilt, lying" })).toHaveCount(0);
  expect(
    await rows(
      db,
      "select count(*)::int as current from exercise where clinic_id = $1 and retired_at is null",
      [clinician.clinic.id],
    ),
  ).toEqual([{ current: 0 }]);
});
