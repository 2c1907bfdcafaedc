import { expect, test } from "@playwright/test";

// Fails on purpose, in Chromium: see tests/self-check/README.md.
test("self-check: a failing end-to-end test", async ({ page }) => {
  await page.setContent("<h1>Backcare</h1>");
  await expect(page.getByRole("heading", { name: "Not Backcare" })).toBeVisible({ timeout: 1_000 });
});
