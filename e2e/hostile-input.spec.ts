import { request as httpRequest } from "node:http";
import { expect, rows, signInAs, test } from "./fixtures";

// Input no page could store gets a plain answer from proxy.ts, never a 500: a NUL character (PostgreSQL refuses
// it in text) in a query string or a form field is a 400, a body over 256 kB a 413.
const NUL_ANSWER = /NUL character/;

test("a NUL in a query string is a 400 on pages, searches and route handlers, signed in or not", async ({
  page,
  request,
  people,
}) => {
  await signInAs(page, await people.clinician());
  for (const url of ["/clinician?q=%00", "/clinician/exercises?q=back%00pain"]) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(400);
    expect(await response.text(), url).toMatch(NUL_ANSWER);
  }
  expect((await page.request.get("/clinician/exercises?q=back")).status()).toBe(200);
  for (const url of ["/login?callbackUrl=%00", "/api/health?probe=a%00b", "/api/auth/session?%00=x"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(400);
    expect(await response.text(), url).toMatch(NUL_ANSWER);
    expect(response.headers()["content-security-policy"], url).toContain("frame-ancestors 'none'");
  }
  // A form posted to a route handler: the sign-in endpoint of next-auth.
  const credentials = await request.post("/api/auth/callback/credentials", {
    form: { email: "someone\u0000@example.com", password: "a password of some length" },
    maxRedirects: 0,
  });
  expect(credentials.status()).toBe(400);
});

test("a NUL in a server action's form field is a 400 and stores nothing, however the form is sent", async ({
  page,
  people,
  db,
}) => {
  const clinician = await people.clinician();
  await signInAs(page, clinician);
  await page.goto("/clinician/exercises");
  // The browser sends the real form; on its way the marker in the name becomes a NUL.
  let actionId = "";
  await page.route("**/clinician/exercises", async (route) => {
    const sent = route.request();
    if (sent.method() !== "POST") return route.continue();
    actionId = (await sent.headerValue("next-action")) ?? "";
    const body = sent.postDataBuffer()!.toString("latin1").replace("MARKER", "\u0000");
    await route.continue({ postData: Buffer.from(body, "latin1") });
  });
  const form = page.getByRole("region", { name: "Add an exercise for your clinic" });
  await form.getByLabel("Name").fill("Bird MARKER dog");
  await form.getByLabel("Category").selectOption("STRENGTH");
  await form.getByLabel("Summary").fill("On hands and knees, reach out one arm and the opposite leg.");
  await form.getByLabel("Instructions").fill("Keep the back level and move slowly, then swap sides.");
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    form.getByRole("button", { name: "Add exercise" }).click(),
  ]);
  expect(answer.status()).toBe(400);
  expect(actionId).not.toBe("");
  await page.unroute("**/clinician/exercises");

  // The same action, by hand: urlencoded, and multipart without the Next-Action header (a form sent before
  // the page's script has loaded).
  const urlencoded = await page.request.post("/clinician/exercises", {
    headers: { "Next-Action": actionId, "Content-Type": "application/x-www-form-urlencoded" },
    data: "name=Bird%00dog&category=STRENGTH",
  });
  expect(urlencoded.status()).toBe(400);
  expect(await urlencoded.text()).toMatch(NUL_ANSWER);
  const multipart = await page.request.post("/clinician/exercises", {
    multipart: { [`$ACTION_ID_${actionId}`]: "", name: "Bird\u0000dog", category: "STRENGTH" },
  });
  expect(multipart.status()).toBe(400);
  expect(await rows(db, "select name from exercise where clinic_id = $1", [clinician.clinic.id])).toEqual([]);
});

test("a body over 256 kB is a 413 with a short message, with a Content-Length or chunked", async ({
  request,
  baseURL,
}) => {
  const tenMegabytes = "x".repeat(10 * 1024 * 1024);
  const announced = await request.post("/login", {
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
    data: tenMegabytes,
  });
  expect(announced.status()).toBe(413);
  expect(await announced.text()).toMatch(/^Request too large: a request body may be at most 256 kB\.$/);

  // No Content-Length: the body arrives in chunks and is counted as it comes.
  const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const sent = httpRequest(
      `${baseURL}/login`,
      {
        method: "POST",
        headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    sent.on("error", reject);
    const chunk = "y".repeat(64 * 1024);
    for (let index = 0; index < 160; index++) sent.write(chunk);
    sent.end();
  });
  expect(chunked.status).toBe(413);
  expect(chunked.text).toMatch(/^Request too large/);

  // A real sign-in form is far below the limit.
  expect((await request.get("/login")).status()).toBe(200);
});
