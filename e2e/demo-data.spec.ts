import { expect, signIn, test } from "./fixtures";

// The demo accounts of shared/PRODUCT.md, read only: every other spec makes its own people, and none may
// change these (a password, two-step sign-in, a plan, an alert), so this test sees them as seeded.
const DEMO_PASSWORD = "demo-password";

test("the demo clinician and patient sign in and see the demo data", async ({ page, browser }) => {
  test.skip(Boolean(process.env.E2E_BASE_URL), "demo data is loaded only into the suite's own database");
  await signIn(page, "clinician@demo.test", DEMO_PASSWORD);
  await expect(page).toHaveURL("/clinician");
  const list = page.getByRole("region", { name: "Patients" });
  await expect(list.getByRole("link", { name: "Alex Morgan" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Sam Rivera" })).toBeVisible();
  await expect(page.getByText("Jordan Lee")).toHaveCount(0);
  await list.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(page.getByRole("heading", { name: "Alex Morgan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Walking" })).toBeVisible();
  await expect(page.getByText("Active · version 1")).toBeVisible();
  await expect(
    page.getByRole("img", { name: /Alex Morgan's pain before and after sessions: 11 sessions/ }),
  ).toBeVisible();

  const alex = await browser.newPage();
  await signIn(alex, "patient@demo.test", DEMO_PASSWORD);
  await expect(alex).toHaveURL("/patient");
  await expect(alex.getByRole("heading", { name: "Hello, Alex" })).toBeVisible();
  for (const exercise of ["Walking", "Light stretching", "Light strength training"]) {
    await expect(alex.getByRole("heading", { name: exercise })).toBeVisible();
  }
  await alex.close();

  const kim = await browser.newPage();
  await signIn(kim, "other.clinician@demo.test", DEMO_PASSWORD);
  await expect(kim).toHaveURL("/clinician");
  await expect(
    kim.getByRole("region", { name: "Patients" }).getByRole("link", { name: "Jordan Lee" }),
  ).toBeVisible();
  await expect(kim.getByText("Alex Morgan")).toHaveCount(0);
  await kim.close();
});
