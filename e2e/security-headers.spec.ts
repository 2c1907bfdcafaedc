import type { APIResponse } from "@playwright/test";
import { expect, signIn, signInAs, test } from "./fixtures";
import { appRoutes, concrete } from "./routes";

function expectSecurityHeaders(response: APIResponse, url: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `CSP on ${url}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, url).not.toContain("unsafe-eval");
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp, url).toContain(directive);
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], url).toContain("camera=()");
  expect(headers["strict-transport-security"], url).toContain("max-age=63072000");
  expect(headers["cache-control"], url).toContain("no-store");
}

test("every page and route handler sends the security headers, signed in or not", async ({
  page,
  request,
  people,
}) => {
  test.setTimeout(60_000);
  const clinician = await people.clinician();
  const patient = await people.patient({ clinician, plan: true });
  await signInAs(page, clinician);
  const values = { id: patient.patientId, token: "x".repeat(43), nextauth: "session" };
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(15);

  for (const route of routes) {
    const url = concrete(route.pattern, values);
    const anonymous = await request.get(url, { maxRedirects: 0 });
    expectSecurityHeaders(anonymous, `${url} (anonymous, ${anonymous.status()})`);
    // The clinician's alert stream never ends; its headers are checked anonymously above.
    if (url === "/api/alerts/stream") continue;
    const signedIn = await page.request.get(url, { maxRedirects: 0 });
    expectSecurityHeaders(signedIn, `${url} (clinician, ${signedIn.status()})`);
  }
});

test("each page's scripts carry the request's nonce, and nothing runs without it", async ({
  page,
  people,
}) => {
  const clinician = await people.clinician();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)![1];
  const scripts = await page
    .locator("script")
    .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  // Through the form, so that its server action runs under the policy too.
  await signIn(page, clinician.email, clinician.password);
  await expect(page).toHaveURL("/clinician");
  expect(violations).toEqual([]);
});

test("authorization does not rest on proxy.ts: a forged x-middleware-subrequest header changes nothing", async ({
  page,
  request,
  browser,
  people,
}) => {
  const { clinician, patient, otherClinician } = await people.twoClinics();
  const forged = {
    "x-middleware-subrequest":
      "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware",
  };
  await signInAs(page, clinician);
  const patientPage = (await page
    .getByRole("region", { name: "Patients" })
    .getByRole("link", { name: patient.name })
    .getAttribute("href"))!;

  for (const path of [
    "/clinician",
    patientPage,
    `${patientPage}/plan`,
    "/patient",
    "/patient/log",
    "/account",
  ]) {
    const anonymous = await request.get(path, { headers: forged, maxRedirects: 0 });
    expect([307, 308], `${path} anonymous`).toContain(anonymous.status());
    expect(anonymous.headers()["location"]).toMatch(/\/login$/);
    expect(await anonymous.text()).not.toContain(patient.name);
  }
  expect((await request.get("/api/alerts/stream", { headers: forged })).status()).toBe(401);

  const kim = await browser.newContext();
  await signInAs(await kim.newPage(), otherClinician);
  const refused = await kim.request.get(patientPage, { headers: forged, maxRedirects: 0 });
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain(patient.name);
  await kim.close();
});
