import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signInAs } from "./support";

// axe finds no serious or critical violation on the pages clinicians and patients use most, at a phone's
// width and a desktop's.
const WIDTHS = [375, 1280];
// Each test runs axe on several pages at two widths, which takes more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function expectNoSeriousViolations(page: Page, path: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    await page.waitForLoadState("networkidle").catch(() => {});
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} at ${width}px on ${path}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
    expect(serious).toEqual([]);
  }
}

test("clinician pages", async ({ page }) => {
  await signInAs(page, demo.clinician, "/clinician");
  await expectNoSeriousViolations(page, "/clinician");
  const href = await page
    .getByRole("region", { name: "Patients" })
    .getByRole("link", { name: "Alex Morgan" })
    .getAttribute("href");
  await expectNoSeriousViolations(page, href!);
});

test("patient pages", async ({ page }) => {
  await signInAs(page, demo.patient, "/patient");
  for (const path of ["/patient", "/patient/progress", "/patient/check-in", "/patient/log"]) {
    await expectNoSeriousViolations(page, path);
  }
});

test("account and two-step set-up pages", async ({ page }) => {
  await signInAs(page, demo.clinician, "/clinician");
  for (const path of ["/account", "/account/mfa"]) await expectNoSeriousViolations(page, path);
});

test("clinic admin pages", async ({ page }) => {
  await signInAs(page, demo.admin, "/admin");
  for (const path of ["/admin", "/admin/audit"]) await expectNoSeriousViolations(page, path);
});
